import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ContactForm } from '@/components/contacts/contact-form';
import { Card, PageHeader } from '@/components/ui/card';
import { canEditContacts, isAdmin } from '@/lib/access/employee';
import { createContactAction } from '@/lib/contacts/actions';
import { advisorOptions } from '@/lib/contacts/advisors';
import { advisorCtx } from '@/lib/request/ctx';
import { ClientMessages } from '@/components/i18n/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('contacts.new'))('title') };
}

export default async function NewContactPage() {
  const ctx = await advisorCtx();
  const user = ctx.actor;
  if (!canEditContacts(user)) notFound();
  const [t, advisors] = await Promise.all([getTranslations('contacts.new'), advisorOptions(ctx)]);
  return (
    <ClientMessages pick={['contacts']}>
      <>
        <Link href="/contacts" className="text-sm font-medium text-primary hover:underline">
          {t('back')}
        </Link>
        <PageHeader title={t('title')} subtitle={t('subtitle')} />
        <Card>
          <ContactForm
            action={createContactAction}
            initial={{ advisorId: isAdmin(user) ? '' : user.id }}
            advisors={advisors}
            submitLabel={t('save')}
          />
        </Card>
      </>
    </ClientMessages>
  );
}
