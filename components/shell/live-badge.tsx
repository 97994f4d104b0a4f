'use client';

import { useEffect, useState } from 'react';
import { Badge } from '../ui/card';

/**
 * The unread count of KOMMUNIKATION: rendered by the server with the page, then refreshed every 30 s and
 * when the tab becomes visible again (GET /api/tickets/unread); a polite live region announces changes.
 */
export function LiveBadge({ initial, label, floating }: { initial: number; label?: string; floating?: boolean }) {
  const [count, setCount] = useState(initial);
  const [seen, setSeen] = useState(initial);
  if (seen !== initial) {
    // A new server render (navigation) brings a fresher number.
    setSeen(initial);
    setCount(initial);
  }
  useEffect(() => {
    let stopped = false;
    const refresh = async () => {
      if (document.visibilityState !== 'visible') return;
      try {
        const res = await fetch('/api/tickets/unread', { cache: 'no-store' });
        if (res.ok && !stopped) setCount(((await res.json()) as { count: number }).count);
      } catch {
        /* offline: keep the last number */
      }
    };
    // The page may just have marked a ticket read while the layout counted: ask once more right away.
    if (initial > 0) void refresh();
    const timer = setInterval(refresh, 30_000);
    document.addEventListener('visibilitychange', refresh);
    return () => {
      stopped = true;
      clearInterval(timer);
      document.removeEventListener('visibilitychange', refresh);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- polling is set up once per mount
  }, []);
  // The live region is always there (a region that appears with its content is not announced); the
  // badge inside it changes, and screen readers say the new count politely.
  const badge = count ? (
    <Badge tone="secondary" label={label ? `${count} ${label}` : undefined}>
      {count > 99 ? '99+' : count}
    </Badge>
  ) : null;
  return (
    <span aria-live="polite" aria-atomic="true" className={floating ? 'absolute -right-2.5 -top-1.5' : undefined}>
      {badge ? <span data-testid={floating ? 'unread-badge-mobile' : 'unread-badge'}>{badge}</span> : null}
    </span>
  );
}
