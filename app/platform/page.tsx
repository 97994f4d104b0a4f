import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/card';
import { Table, Td } from '@/components/ui/table';
import { tenantBaseUrl } from '@/lib/tenant/lookup';
import { listTenants } from '@/lib/platform/queries';
import { platformCtx } from '@/lib/platform/request';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('platform'))('title') };
}

export default async function PlatformPage() {
  const t = await getTranslations('platform');
  const format = await getFormatter();
  const tenants = await listTenants(await platformCtx());
  return (
    <main className="mx-auto max-w-6xl px-5 py-10">
      <p className="text-sm font-semibold uppercase tracking-wider text-gray-500">{t('brand')}</p>
      <h1 className="mt-1 text-3xl font-bold text-gray-900">{t('title')}</h1>
      <h2 className="mb-3 mt-8 text-lg font-semibold text-gray-900">
        {t('tenants')} <Badge tone="gray">{tenants.length}</Badge>
      </h2>
      <Table caption={t('tenants')} head={[t('name'), t('slug'), t('hosts'), t('users'), t('status'), t('created')]}>
        {tenants.map((tenant) => (
          <tr key={tenant.id}>
            <Td>
              <span className="flex items-center gap-2 font-semibold text-gray-900">
                <span
                  className="h-3 w-3 rounded-full"
                  style={{ backgroundColor: tenant.primaryColor }}
                  aria-hidden="true"
                />
                {tenant.name}
              </span>
            </Td>
            <Td className="font-mono text-xs">{tenant.slug}</Td>
            <Td>
              <a className="text-blue-700 hover:underline" href={`${tenantBaseUrl(tenant)}/login`}>
                {tenantBaseUrl(tenant).replace(/^https?:\/\//, '')}
              </a>
              {tenant.domains.map((d) => (
                <div key={d} className="text-xs text-gray-500">
                  {d}
                </div>
              ))}
            </Td>
            <Td>{tenant.accounts}</Td>
            <Td>{tenant.status === 'active' ? t('active') : t('suspended')}</Td>
            <Td>{format.dateTime(tenant.createdAt, { dateStyle: 'medium' })}</Td>
          </tr>
        ))}
      </Table>
      <p className="mt-4 text-sm text-gray-600">{t('createHint')}</p>
      <p className="mt-2 text-sm">
        <a href="/support" className="font-medium text-blue-700 hover:underline">
          {t('supportLink')}
        </a>
      </p>
    </main>
  );
}
