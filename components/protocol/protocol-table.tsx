import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { ProtocolItem } from '@/lib/protocol/list';
import { Table, Td } from '../ui/table';

/** The rows of PROTOKOLL (and of a contact's "Zugriffe"): when, who, what, about whom. */
export async function ProtocolTable({ items, compact = false }: { items: ProtocolItem[]; compact?: boolean }) {
  const [t, format] = await Promise.all([getTranslations('protocol'), getFormatter()]);
  const who = (i: ProtocolItem) => i.actorName ?? t(`actorTypes.${i.actorType}`);
  const about = (i: ProtocolItem) => {
    if (!i.subjectName) return '–';
    if (i.subjectKind === 'client' && i.subjectId)
      return (
        <Link href={`/contacts/${i.subjectId}`} className="text-primary hover:underline">
          {i.subjectName}
        </Link>
      );
    return i.subjectName;
  };
  const when = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'medium' });
  if (compact)
    return (
      <ul className="divide-y divide-gray-100 text-sm" data-testid="accesses">
        {items.map((i) => (
          <li key={i.id} className="py-2">
            <p>
              <span className="font-medium">{who(i)}</span> · {i.label}
            </p>
            {i.detail ? <p className="text-gray-600">{i.detail}</p> : null}
            <p className="text-xs text-gray-600">{when(i.at)}</p>
          </li>
        ))}
      </ul>
    );
  return (
    <Table caption={t('table.caption')} head={[t('table.when'), t('table.who'), t('table.what'), t('table.about')]}>
      {items.map((i) => (
        <tr key={i.id} data-kind={i.kind}>
          <Td className="whitespace-nowrap text-gray-600">{when(i.at)}</Td>
          <Td>
            {who(i)}
            {i.ip ? <span className="block text-xs text-gray-600">{t('table.ip', { ip: i.ip })}</span> : null}
          </Td>
          <Td>
            <span className="font-medium">{i.label}</span>
            {i.detail ? <span className="block text-gray-600">{i.detail}</span> : null}
          </Td>
          <Td>{about(i)}</Td>
        </tr>
      ))}
    </Table>
  );
}
