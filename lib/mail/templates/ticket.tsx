import { Text } from '@react-email/components';
import { BrandedMail, MailButton, type Brand } from './layout';

/**
 * KOMMUNIKATION notifications. Confidential content stays in the portal: no subject, no message text,
 * only who and a link to log in.
 */
export function TicketStaffMail({ brand, reason, clientName, by, url }: { brand: Brand; reason: 'created' | 'replied' | 'forwarded'; clientName: string; by?: string; url: string }) {
  const title = reason === 'forwarded' ? 'Ein Ticket wurde an Sie weitergeleitet' : reason === 'created' ? 'Neue Nachricht von einem Kunden' : 'Neue Antwort eines Kunden';
  return (
    <BrandedMail brand={brand} preview={title} title={title}>
      <Text>
        {reason === 'forwarded'
          ? `${by ?? 'Ein Kollege'} hat Ihnen ein Ticket von ${clientName} weitergeleitet.`
          : reason === 'created'
            ? `${clientName} hat Ihnen über das Kundenportal eine Nachricht geschrieben.`
            : `${clientName} hat auf ein Ticket geantwortet.`}{' '}
        Aus Gründen der Vertraulichkeit steht der Inhalt nur im Portal.
      </Text>
      <MailButton brand={brand} href={url}>
        TICKET ÖFFNEN
      </MailButton>
    </BrandedMail>
  );
}

export function TicketClientMail({ brand, url }: { brand: Brand; url: string }) {
  return (
    <BrandedMail brand={brand} preview="Sie haben eine NEUE NACHRICHT" title="Sie haben eine NEUE NACHRICHT">
      <Text>In Ihrem digitalen Ordner wartet eine neue Nachricht Ihres Beraters auf Sie. Aus Gründen der Vertraulichkeit lesen Sie sie nach der Anmeldung im Portal.</Text>
      <MailButton brand={brand} href={url}>
        ZUR NACHRICHT
      </MailButton>
    </BrandedMail>
  );
}
