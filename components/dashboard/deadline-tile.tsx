import { getTranslations } from 'next-intl/server';
import { CalendarIcon } from '@/components/ui/icons';
import type { Ctx } from '@/lib/ctx';
import { upcomingDeadlineCount } from '@/lib/dashboard/deadline-count';
import { CountTile } from './count-tile';

/**
 * "FRISTEN in den nächsten 30 Tagen": computed by the deadline engine over the contracts in the viewer's
 * scope, which takes time on a large book – so the start page streams this tile (Suspense) instead of
 * waiting for it.
 */
export async function DeadlineTile({ ctx }: { ctx: Ctx }) {
  const td = await getTranslations('dashboard');
  const n = await upcomingDeadlineCount(ctx, 30);
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
