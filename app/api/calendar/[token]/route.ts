import { calendarResponse } from '@/lib/calendar/http';

export const dynamic = 'force-dynamic';

/** An employee's personal iCal feed (issue 15); see lib/calendar/http.ts. */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  return calendarResponse((await params).token);
}
