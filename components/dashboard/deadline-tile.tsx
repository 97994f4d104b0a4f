import { getTranslations } from 'next-intl/server';
import { CalendarIcon } from '@/components/ui/icons';
import type { Ctx } from '@/lib/ctx';
import { COUNT_CAP } from '@/lib/dashboard/counts';
import { countUpcomingDeadlines } from '@/lib/fristen';
import { CountTile } from './count-tile';

/**
 * "FRISTEN in den nächsten 30 Tagen": one index range of the stored deadlines (lib/deadline-store) in the
 * viewer's scope. Streamed (Suspense), so a read that first catches up contracts changed a moment ago (e.g.
 * by an import) never holds up the rest of the start page.
 */
export async function DeadlineTile({ ctx }: { ctx: Ctx }) {
  const td = await getTranslations('dashboard');
  // Counted up to the cap the tile shows as "99+" (lib/dashboard/counts.ts).
  const n = await countUpcomingDeadlines(ctx, 30, undefined, COUNT_CAP);
  return (
    <CountTile
      label={td('tiles.deadlines')}
      count={n}
      href="/fristen"
      hint={td('tiles.deadlinesHint')}
      icon={<CalendarIcon />}
    />
  );
}

/** What the tile's place shows while it is computed (same size, so nothing jumps). */
export async function DeadlineTileLoading() {
  const td = await getTranslations('dashboard');
  return (
    <div
      role="status"
      className="flex h-full min-h-[5.5rem] items-center gap-4 rounded-2xl bg-white p-5 text-sm text-gray-600 shadow-sm ring-1 ring-black/5"
    >
      <CalendarIcon />
      {td('tiles.deadlinesLoading')}
    </div>
  );
}
