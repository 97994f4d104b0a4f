import { ButtonLink } from '../ui/button';
import { Alert } from '../ui/alert';
import { ActivationForm } from './activation-form';
import { PublicCard } from './public-card';
import { logoUrl } from '@/lib/tenant/branding';
import type { TokenInfo } from '@/lib/auth/tokens';

const invalidText: Record<string, string> = {
  used: 'Mit diesem Link wurde bereits ein Passwort vergeben. Sie können sich direkt anmelden.',
  burned: 'Die PIN wurde zu oft falsch eingegeben. Der Link ist aus Sicherheitsgründen gesperrt – bitte bitten Sie Ihren Berater, Ihnen eine neue E-Mail zu schicken.',
  expired: 'Dieser Link ist abgelaufen. Bitte bitten Sie Ihren Berater um eine neue E-Mail oder nutzen Sie „Passwort vergessen?“.',
  superseded: 'Es gibt inzwischen einen neueren Link. Bitte verwenden Sie die zuletzt erhaltene E-Mail.',
  unknown: 'Dieser Link ist ungültig. Bitte prüfen Sie, ob Sie ihn vollständig kopiert haben.',
};

/** PASSWORTVERGABE page for invitation and reset links. */
export function LinkPage({ tenant, token, info, purpose }: { tenant: { name: string; logoKey: string | null; brandingVersion: number }; token: string; info: TokenInfo; purpose: 'invite' | 'reset' }) {
  const valid = info.state === 'valid' && info.purpose === purpose && info.user;
  return (
    <PublicCard
      tenantName={tenant.name}
      logoUrl={logoUrl(tenant)}
      title={purpose === 'invite' ? 'PASSWORT VERGEBEN' : 'NEUES PASSWORT VERGEBEN'}
      intro={valid ? <>Guten Tag {info.user!.firstName}, bitte vergeben Sie Ihr persönliches Passwort und bestätigen Sie es mit Ihrer PIN = Ihr Geburtsdatum im Format TTMMJJJJ.</> : undefined}
    >
      {valid ? (
        <ActivationForm token={token} userInputs={[info.user!.firstName, info.user!.lastName, info.user!.username, tenant.name]} />
      ) : (
        <div className="space-y-4">
          <Alert tone="error">{invalidText[info.state === 'valid' ? 'unknown' : info.state]}</Alert>
          <ButtonLink href="/login" variant="secondary" className="w-full">
            Zum Login
          </ButtonLink>
        </div>
      )}
    </PublicCard>
  );
}
