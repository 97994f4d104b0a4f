import Link from 'next/link';
import { folderModules, moduleNames, rightsOf, type Grants } from '@/lib/access/freigaben';
import { formatEuro } from '@/lib/contracts/premium';

const descriptions = {
  insurance: 'Versicherungen wie Haftpflicht, Hausrat, KFZ',
  finance: 'Sparen und Finanzieren',
  other: 'Weitere Verträge wie Strom, Mobilfunk',
  emergency: 'Vorsorgevollmacht, Patientenverfügung, Notfallkontakte',
} as const;

/** DIGITALER ORDNER: the visible areas, each with what the client may do there. */
export function FolderAreas({ grants, base, preview, summary }: { grants: Grants; base: string; preview?: boolean; summary?: Partial<Record<string, { count: number; annualCents: number }>> }) {
  const visible = folderModules.filter((m) => rightsOf(grants, m).visible);
  return (
    <ul className="grid gap-3 sm:grid-cols-2">
      {visible.map((m) => {
        const r = rightsOf(grants, m);
        const mode = r.mayCreateEditOwn ? 'Sie können Verträge anlegen und Dokumente hochladen' : 'nur lesen';
        const body = (
          <>
            <span className="text-base font-bold tracking-wide text-ink">{moduleNames[m]}</span>
            <span className="mt-1 block text-sm text-gray-600">{descriptions[m]}</span>
            {summary?.[m] ? (
              <span className="mt-2 block text-sm text-ink" data-testid={`count-${m}`}>
                <strong className="text-primary">{summary[m]!.count}</strong> {m === 'emergency' ? (summary[m]!.count === 1 ? 'Eintrag' : 'Einträge') : summary[m]!.count === 1 ? 'Vertrag' : 'Verträge'}
                {summary[m]!.annualCents ? ` · ${formatEuro(summary[m]!.annualCents)} pro Jahr` : ''}
              </span>
            ) : null}
            <span className="mt-3 inline-block rounded-full bg-primary-soft px-2.5 py-0.5 text-xs font-semibold text-primary" data-testid={`mode-${m}`}>
              {mode}
            </span>
          </>
        );
        return (
          <li key={m}>
            {preview ? (
              <div className="block rounded-2xl bg-white p-5 shadow-sm ring-1 ring-black/5">{body}</div>
            ) : (
              <Link href={`${base}/folder/${m}`} className="block rounded-2xl bg-white p-5 shadow-sm ring-1 ring-black/5 transition hover:ring-primary/40">
                {body}
              </Link>
            )}
          </li>
        );
      })}
    </ul>
  );
}
