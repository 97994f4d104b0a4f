import { Text } from '@react-email/components';
import { BrandedMail, MailButton, type Brand } from './layout';

/** PASSWORT-MAIL #1 (invitation / REGISTRIERUNGSMAIL) and the password-reset mail: a single-use link. */
export function PasswordLinkMail({ brand, firstName, url, purpose, validFor }: { brand: Brand; firstName: string; url: string; purpose: 'invite' | 'reset'; validFor: string }) {
  const invite = purpose === 'invite';
  return (
    <BrandedMail
      brand={brand}
      preview={invite ? `Vergeben Sie Ihr Passwort für ${brand.name}` : 'Setzen Sie Ihr Passwort zurück'}
      title={invite ? 'Willkommen! Bitte vergeben Sie Ihr Passwort' : 'Passwort zurücksetzen'}
    >
      <Text>Guten Tag {firstName},</Text>
      <Text>
        {invite
          ? `${brand.name} hat für Sie einen Zugang zum digitalen Ordner eingerichtet. Über den folgenden Link vergeben Sie Ihr persönliches Passwort.`
          : 'Sie haben ein neues Passwort angefordert. Über den folgenden Link vergeben Sie ein neues Passwort.'}
      </Text>
      <Text>Zur Bestätigung geben Sie dort Ihre PIN ein: Ihr Geburtsdatum im Format TTMMJJJJ.</Text>
      <MailButton brand={brand} href={url}>
        {invite ? 'PASSWORT VERGEBEN' : 'NEUES PASSWORT VERGEBEN'}
      </MailButton>
      <Text style={{ color: '#6b7280', fontSize: 13 }}>
        Der Link ist {validFor} gültig und funktioniert nur einmal. {invite ? '' : 'Wenn Sie nichts angefordert haben, können Sie diese E-Mail ignorieren.'}
      </Text>
      <Text style={{ color: '#6b7280', fontSize: 13 }}>Falls der Button nicht funktioniert: {url}</Text>
    </BrandedMail>
  );
}

/** PASSWORT-MAIL #2: the generated, immutable BENUTZERNAME and the login link. */
export function UsernameMail({ brand, firstName, username, loginUrl }: { brand: Brand; firstName: string; username: string; loginUrl: string }) {
  return (
    <BrandedMail brand={brand} preview={`Ihr Benutzername für ${brand.name}`} title="Ihr Zugang ist freigeschaltet">
      <Text>Guten Tag {firstName},</Text>
      <Text>Ihr Passwort ist gespeichert. Für den LOGIN verwenden Sie künftig diesen BENUTZERNAMEN:</Text>
      <Text style={{ fontSize: 20, fontWeight: 700, letterSpacing: 0.5 }}>{username}</Text>
      <Text style={{ color: '#6b7280', fontSize: 13 }}>Der Benutzername kann derzeit nicht geändert werden. Statt des Benutzernamens können Sie sich auch mit Ihrer E-Mail-Adresse anmelden.</Text>
      <MailButton brand={brand} href={loginUrl}>
        ZUM LOGIN
      </MailButton>
    </BrandedMail>
  );
}
