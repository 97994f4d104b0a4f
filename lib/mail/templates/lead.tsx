import { Text } from '@react-email/components';
import { BrandedMail, MailButton, type Brand } from './layout';

/** To the tenant's admins: a prospect used the contact form (no message text in the mail). */
export function LeadMail({ brand, name, topic, url, existing }: { brand: Brand; name: string; topic: string; url: string; existing: boolean }) {
  return (
    <BrandedMail brand={brand} preview={`Neue Anfrage von ${name}`} title="Neue Anfrage über Ihr Portal">
      <Text>
        {name} hat über „Kunde werden / Kontakt aufnehmen“ eine Anfrage zum Thema <strong>{topic}</strong> geschickt.
        {existing ? ' Die E-Mail-Adresse gehört zu einem bestehenden Kontakt.' : ' Der Kontakt ist als Interessent angelegt.'}
      </Text>
      <MailButton brand={brand} href={url}>
        ANFRAGE ÖFFNEN
      </MailButton>
    </BrandedMail>
  );
}
