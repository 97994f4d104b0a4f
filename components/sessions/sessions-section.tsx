import { getFormatter, getTranslations } from 'next-intl/server';
import type { Ctx } from '@/lib/ctx';
import type { DeviceInfo } from '@/lib/auth/device';
import { listMySessions, mySignIns } from '@/lib/sessions/list';
import { ClientMessages } from '../i18n/client-messages';
import { Badge, Card } from '../ui/card';
import { EndOtherSessionsButton, EndSessionButton } from './session-buttons';

/**
 * "Mein Zugang" → Angemeldete Geräte: the account's live sessions (device and browser, coarse address,
 * signed in, last seen) with "Abmelden" each and "Alle anderen abmelden", and the recent sign-ins.
 */
export async function SessionsSection({ ctx }: { ctx: Ctx }) {
  const [t, format, items, signIns] = await Promise.all([
    getTranslations('devices'),
    getFormatter(),
    listMySessions(ctx),
    mySignIns(ctx),
  ]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' });
  const label = (d: DeviceInfo) =>
    t('deviceLabel', { browser: d.browser ?? t('unknownBrowser'), os: d.os ?? t('unknownOs') });
  const others = items.filter((s) => !s.current).length;
  return (
    <ClientMessages pick={['devices']}>
      <div className="mt-6 space-y-6">
        <Card>
          <h2 className="text-lg font-semibold">{t('title')}</h2>
          <p className="mb-4 mt-1 text-sm text-gray-600">{t('hint')}</p>
          <ul className="divide-y divide-gray-100" data-testid="sessions">
            {items.map((s) => (
              <li key={s.handle} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <div className="min-w-0">
                  <p className="font-medium">
                    {label(s.device)} <span className="text-sm text-gray-600">({t(`types.${s.device.type}`)})</span>{' '}
                    {s.current ? <Badge tone="secondary">{t('current')}</Badge> : null}
                  </p>
                  <p className="text-sm text-gray-600">
                    {t('details', {
                      ip: s.ip ?? t('unknownIp'),
                      signedIn: when(s.signedInAt),
                      lastSeen: when(s.lastSeenAt),
                    })}
                  </p>
                </div>
                {s.current ? null : <EndSessionButton handle={s.handle} />}
              </li>
            ))}
          </ul>
          {others > 0 ? (
            <div className="mt-4 border-t border-gray-100 pt-4">
              <EndOtherSessionsButton />
            </div>
          ) : (
            <p className="mt-4 text-sm text-gray-600">{t('noOthers')}</p>
          )}
        </Card>
        <Card>
          <h2 className="text-lg font-semibold">{t('signIns.title')}</h2>
          {signIns.length === 0 ? (
            <p className="mt-2 text-sm text-gray-600">{t('signIns.none')}</p>
          ) : (
            <ul className="mt-3 divide-y divide-gray-100 text-sm">
              {signIns.map((s, i) => (
                <li key={i} className="flex flex-wrap justify-between gap-2 py-2">
                  <span className={s.ok ? '' : 'font-medium text-red-700'}>
                    {t(s.ok ? 'signIns.ok' : 'signIns.failed')}
                  </span>
                  <span className="text-gray-600">
                    {when(s.at)} · {s.ip ?? t('unknownIp')}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </ClientMessages>
  );
}
