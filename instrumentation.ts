/** Starts the background jobs (outbox worker, hourly sweeper) inside every Next.js server process (safe with many: SKIP LOCKED). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startBackgroundWork } = await import('./lib/jobs/boot');
  startBackgroundWork();
}
