'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';

const colors = ['bg-red-600', 'bg-orange-500', 'bg-amber-400', 'bg-lime-500', 'bg-emerald-600'];

/** Strength hint with zxcvbn-ts, loaded only when the person starts typing (keeps the page light). */
export function StrengthHint({ password, userInputs }: { password: string; userInputs: string[] }) {
  const [result, setResult] = useState<{ password: string; score: number } | null>(null);
  const t = useTranslations('auth.strength');
  useEffect(() => {
    let cancelled = false;
    if (!password) return;
    void (async () => {
      const [{ ZxcvbnFactory }, common, de] = await Promise.all([
        import('@zxcvbn-ts/core'),
        import('@zxcvbn-ts/language-common'),
        import('@zxcvbn-ts/language-de'),
      ]);
      const checker = new ZxcvbnFactory({
        dictionary: { ...common.dictionary, ...de.dictionary },
        graphs: common.adjacencyGraphs,
        translations: de.translations,
      });
      const result = await checker.checkAsync(password, userInputs);
      if (!cancelled) setResult({ password, score: result.score });
    })();
    return () => {
      cancelled = true;
    };
  }, [password, userInputs]);
  const score = result && result.password === password ? result.score : null;
  if (score === null) return <p className="text-xs text-gray-500">{t('hint')}</p>;
  return (
    <div aria-live="polite">
      <div className="flex gap-1" aria-hidden="true">
        {[0, 1, 2, 3, 4].map((i) => (
          <span key={i} className={`h-1.5 flex-1 rounded-full ${i <= score ? colors[score] : 'bg-gray-200'}`} />
        ))}
      </div>
      <p className="mt-1 text-xs text-gray-600">
        {t('label', { level: t(`levels.${String(score) as '0' | '1' | '2' | '3' | '4'}`) })}
      </p>
    </div>
  );
}
