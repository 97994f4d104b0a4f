import { Text } from '@react-email/components';
import { BrandedMail, MailButton, type Brand } from './layout';

export interface WelcomeProps {
  brand: Brand;
  firstName: string;
  username: string;
  loginUrl: string;
}

/** Sent by `npm run tenant:create` to a new tenant's first admin. */
export function WelcomeMail({ brand, firstName, username, loginUrl }: WelcomeProps) {
  return (
    <BrandedMail brand={brand} preview={`Ihr Zugang zu ${brand.name} ist eingerichtet`} title="Ihr Zugang ist eingerichtet">
      <Text>Guten Tag {firstName},</Text>
      <Text>
        für {brand.name} wurde ein Administrator-Zugang angelegt. Ihr BENUTZERNAME lautet: <strong>{username}</strong>
      </Text>
      <Text>Ihr Passwort erhalten Sie von Ihrem Betreiber auf einem separaten Weg.</Text>
      <MailButton brand={brand} href={loginUrl}>
        Zum Login
      </MailButton>
      <Text style={{ color: '#6b7280', fontSize: 13 }}>Oder kopieren Sie diesen Link in Ihren Browser: {loginUrl}</Text>
    </BrandedMail>
  );
}
