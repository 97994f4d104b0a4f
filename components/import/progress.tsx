'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/** While the worker runs: the page is refreshed every 1.5 s (server-rendered counts, no extra route). */
export function RefreshWhileRunning({ running }: { running: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => router.refresh(), 1500);
    return () => clearInterval(timer);
  }, [running, router]);
  return null;
}
