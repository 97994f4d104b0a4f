import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import type { ReactNode } from 'react';

/** What every page's client components may need: the shared words and the error boundary's. */
export const baseClientMessages = ['common', 'error'] as const;

type Tree = { [key: string]: string | Tree };

/** The parts of the catalog at these paths (`tickets.form`, `users` …), nothing else. */
export function pickMessages(messages: Tree, paths: readonly string[]): Tree {
  const out: Tree = {};
  for (const path of paths) {
    const parts = path.split('.');
    let from: Tree | string | undefined = messages;
    let to = out;
    parts.forEach((part, i) => {
      from = typeof from === 'object' ? from[part] : undefined;
      if (from === undefined) return;
      if (i === parts.length - 1) to[part] = from;
      else to = (to[part] = typeof to[part] === 'object' ? to[part] : {}) as Tree;
    });
  }
  return out;
}

/**
 * Hands client components exactly the words they use. A page wraps its content in this after its access
 * checks, so a refused or redirected request ships no words of the page it did not get, and no page ships
 * the whole catalog (it is larger than the page).
 */
export async function ClientMessages({ pick, children }: { pick: readonly string[]; children: ReactNode }) {
  const messages = (await getMessages()) as unknown as Tree;
  return (
    <NextIntlClientProvider messages={pickMessages(messages, [...baseClientMessages, ...pick])}>
      {children}
    </NextIntlClientProvider>
  );
}
