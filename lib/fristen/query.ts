import type { CalendarDate } from '../deadlines';
import type { DeadlineFilters } from './list';
import { listQuerySchema } from './schemas';
import { parseCursor } from './window';

/** Search params (page or export URL) → list filters. */
export function filtersOf(query: Record<string, unknown>, today?: CalendarDate): DeadlineFilters {
  const q = listQuerySchema.parse(query);
  return {
    window: q.fenster ?? '30',
    advisorId: q.betreuer ?? null,
    sparte: q.sparte ?? null,
    provider: q.versicherer ?? null,
    showDone: q.erledigt === '1',
    after: parseCursor(q.nach),
    today,
  };
}

/** The filters back as search params (links between windows, pages, the export). */
export function queryOf(f: DeadlineFilters, extra: Record<string, string | undefined> = {}): string {
  const p = new URLSearchParams();
  const entries: Record<string, string | undefined | null> = {
    fenster: f.window === '30' ? undefined : f.window,
    betreuer: f.advisorId,
    sparte: f.sparte,
    versicherer: f.provider,
    erledigt: f.showDone ? '1' : undefined,
    ...extra,
  };
  for (const [k, v] of Object.entries(entries)) if (v) p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : '';
}
