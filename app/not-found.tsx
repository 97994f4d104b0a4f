import { getTranslations } from 'next-intl/server';
import { ButtonLink } from '@/components/ui/button';

export default async function NotFound() {
  const t = await getTranslations('notFound');
  return (
    <main className="flex min-h-dvh items-center justify-center p-6">
      <div className="w-full max-w-md rounded-2xl bg-white p-8 text-center shadow-sm ring-1 ring-black/5">
        <p className="text-5xl font-bold text-gray-300">404</p>
        <h1 className="mt-2 text-xl font-bold">{t('title')}</h1>
        <p className="mt-3 text-gray-600">{t('text')}</p>
        <ButtonLink href="/" className="mt-6">
          {t('home')}
        </ButtonLink>
      </div>
    </main>
  );
}
