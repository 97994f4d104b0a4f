import { Card, PageHeader } from '../ui/card';
import { ChangePasswordForm } from './change-password-form';

/** "Mein Zugang" for employees and clients alike: the BENUTZERNAME and the password change. */
export function AccountView({ username }: { username: string }) {
  return (
    <>
      <PageHeader title="Mein Zugang" subtitle={`BENUTZERNAME: ${username}`} />
      <Card>
        <h2 className="mb-4 text-lg font-semibold">Passwort ändern</h2>
        <ChangePasswordForm />
      </Card>
    </>
  );
}
