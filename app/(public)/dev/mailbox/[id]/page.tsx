import Link from 'next/link';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getMailboxMail, mailboxAllowed } from '@/lib/mail/mailbox';
import { publicCtx } from '@/lib/request/ctx';

export default async function MailboxMailPage({ params }: { params: Promise<{ id: string }> }) {
  if (!mailboxAllowed(await headers())) notFound();
  const ctx = await publicCtx();
  const t = await getTranslations('mailbox');
  const mail = await getMailboxMail(ctx, (await params).id);
  if (!mail) notFound();
  const links = [
    ...new Set([...mail.html.matchAll(/href="(https?:\/\/[^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'))),
  ];
  return (
    <main className="mx-auto max-w-3xl px-5 py-8">
      <Link href="/dev/mailbox" className="text-sm font-medium text-primary hover:underline">
        ← {t('back')}
      </Link>
      <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded-2xl bg-white p-5 text-sm shadow-sm ring-1 ring-black/5">
        <dt className="font-semibold text-gray-500">{t('from')}</dt>
        <dd>{mail.fromAddress}</dd>
        <dt className="font-semibold text-gray-500">{t('to')}</dt>
        <dd>{mail.toAddress}</dd>
        <dt className="font-semibold text-gray-500">{t('subject')}</dt>
        <dd className="font-semibold">{mail.subject}</dd>
      </dl>
      {mail.cleared ? (
        <p className="mt-4 rounded-2xl bg-white p-5 text-sm text-gray-600 shadow-sm ring-1 ring-black/5">
          {t('cleared')}
        </p>
      ) : (
        <>
          {links.length ? (
            <div className="mt-4 rounded-2xl bg-white p-5 text-sm shadow-sm ring-1 ring-black/5">
              <p className="font-semibold text-gray-700">{t('links')}</p>
              <ul className="mt-2 space-y-1">
                {links.map((href) => (
                  <li key={href}>
                    <a className="break-all font-medium text-primary hover:underline" href={href}>
                      {href}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {/* Rendered in a sandbox: no scripts, no navigation of this page. */}
          <iframe
            title={mail.subject}
            sandbox=""
            srcDoc={mail.html}
            className="mt-4 h-[70vh] w-full rounded-2xl bg-white shadow-sm ring-1 ring-black/5"
          />
          <details className="mt-4 text-sm">
            <summary className="cursor-pointer font-medium text-gray-700">{t('textVersion')}</summary>
            <pre className="mt-2 whitespace-pre-wrap rounded-xl bg-white p-4 text-xs ring-1 ring-black/5">
              {mail.text}
            </pre>
          </details>
        </>
      )}
    </main>
  );
}
