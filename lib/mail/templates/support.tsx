import { Text } from '@react-email/components';
import { BrandedMail, MailButton, platformBrand } from './layout';

/** To the platform operator: a broker sent a support request (read it in the operator area). */
export function SupportMail({ tenantName, author, subject, url, screenshots }: { tenantName: string; author: string; subject: string; url: string; screenshots: number }) {
  return (
    <BrandedMail brand={platformBrand} preview={`Neues Anliegen von ${tenantName}`} title="Neues Anliegen">
      <Text>
        {author} ({tenantName}) hat ein Anliegen geschickt: <strong>{subject}</strong>
        {screenshots ? ` – mit ${screenshots} Screenshot${screenshots > 1 ? 's' : ''}` : ''}.
      </Text>
      <MailButton brand={platformBrand} href={url}>
        IM BETREIBER-BEREICH ÖFFNEN
      </MailButton>
    </BrandedMail>
  );
}
