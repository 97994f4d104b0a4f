import { useFormatter, useTranslations } from 'next-intl';
import type { ActivityItem } from '@/lib/contacts/activity';

/** Aktivität on the contact page: the lines lib/contacts/activity.ts let this reader see, newest first. */
export function ContactActivity({ items }: { items: ActivityItem[] }) {
  const t = useTranslations('contacts.page');
  const format = useFormatter();
  return (
    <>
      <h2 className="mt-8 text-lg font-semibold">{t('activity')}</h2>
      {items.length === 0 ? (
        <p className="mt-2 text-sm text-gray-600">{t('noActivity')}</p>
      ) : (
        <ol className="mt-3 space-y-3" aria-label={t('activity')}>
          {items.map((a, i) => (
            <li key={i} className="border-l-2 border-primary/30 pl-3 text-sm">
              <p className="font-medium text-ink">
                {a.label}
                {a.byClient ? (
                  <span className="ml-2 rounded-full bg-secondary-soft px-2 py-0.5 text-[11px] font-semibold text-ink">
                    {t('byClient')}
                  </span>
                ) : null}
              </p>
              {a.detail ? <p className="text-gray-600">{a.detail}</p> : null}
              <p className="text-xs text-gray-500">
                {format.dateTime(a.at, { dateStyle: 'medium', timeStyle: 'short' })}
                {a.actorName && !a.byClient ? ` · ${a.actorName}` : ''}
              </p>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
