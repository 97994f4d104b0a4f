import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Table, Td } from '@/components/ui/table';
import type { FollowUpItem } from '@/lib/follow-ups/list';
import { FollowUpDoneButton } from './done-button';

const dayOf = (iso: string) => new Date(`${iso}T12:00:00Z`);

/** A table of follow-ups with their contact, contract, due day, note and the done/reopen button. */
export async function FollowUpTable({ caption, items }: { caption: string; items: FollowUpItem[] }) {
  const t = await getTranslations('followUps.page');
  const format = await getFormatter();
  return (
    <Table caption={caption} head={[t('due'), t('contact'), t('contract'), t('note'), t('actions')]}>
      {items.map((f) => (
        <tr key={f.id} data-testid="follow-up">
          <Td className="whitespace-nowrap">
            {format.dateTime(dayOf(f.dueOn), { dateStyle: 'medium', timeZone: 'UTC' })}
          </Td>
          <Td>
            <Link href={`/contacts/${f.contactId}`} className="font-medium text-primary hover:underline">
              {f.contactName}
            </Link>
          </Td>
          <Td>
            {f.contractId ? (
              <Link
                href={`/contacts/${f.contactId}/contracts/${f.contractId}`}
                className="text-primary hover:underline"
              >
                {f.contractProduct}
              </Link>
            ) : null}
          </Td>
          <Td className="max-w-md whitespace-pre-line">{f.note}</Td>
          <Td>
            <FollowUpDoneButton id={f.id} done={!!f.doneAt} />
          </Td>
        </tr>
      ))}
    </Table>
  );
}
