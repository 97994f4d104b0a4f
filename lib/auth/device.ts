import { UAParser } from 'ua-parser-js';

/** What a session's user agent says about the device: browser and OS family, and the kind of device. */
export interface DeviceInfo {
  browser: string | null;
  os: string | null;
  type: 'mobile' | 'tablet' | 'desktop';
}

/** Browser and OS family (no versions) from a user agent, via ua-parser-js; unknown parts are null. */
export function deviceOf(userAgent: string | null | undefined): DeviceInfo {
  if (!userAgent) return { browser: null, os: null, type: 'desktop' };
  const r = new UAParser(userAgent.slice(0, 500)).getResult();
  const kind = r.device.type;
  return {
    browser: r.browser.name?.replace(/^Mobile /, '') || null,
    os: r.os.name || null,
    type: kind === 'mobile' || kind === 'tablet' ? kind : 'desktop',
  };
}

/**
 * The "device" of the new-device check: browser family and OS family ("Chrome · Windows"); null when the
 * user agent tells neither (then no mail is sent: nothing to compare).
 */
export function deviceKey(userAgent: string | null | undefined): string | null {
  const d = deviceOf(userAgent);
  if (!d.browser && !d.os) return null;
  return `${d.browser ?? '?'} · ${d.os ?? '?'}`;
}

/**
 * An address without its host part: IPv4 keeps the first three octets (203.0.113.x), IPv6 the /48 prefix
 * (2001:db8:1::/48). Anything else (unknown, garbled) gives null.
 */
export function coarseIp(ip: string | null | undefined): string | null {
  if (!ip) return null;
  const v4 = /^(?:::ffff:)?(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/i.exec(ip.trim());
  if (v4) {
    const parts = v4.slice(1, 4).map(Number);
    if (parts.some((n) => n > 255) || Number(v4[4]) > 255) return null;
    return `${parts.join('.')}.x`;
  }
  const groups = expandIpv6(ip.trim());
  if (!groups) return null;
  const prefix = groups.slice(0, 3).map((g) => g.replace(/^0+(?=.)/, ''));
  while (prefix.at(-1) === '0') prefix.pop();
  return `${prefix.join(':')}::/48`;
}

function expandIpv6(ip: string): string[] | null {
  if (!/^[0-9a-f:]+$/i.test(ip) || !ip.includes(':')) return null;
  const halves = ip.toLowerCase().split('::');
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  if ([...head, ...tail].some((g) => g.length === 0 || g.length > 4)) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  return [...head, ...Array<string>(missing).fill('0'), ...tail];
}
