import type { ReactNode } from 'react';
import { Markup } from './markup';

/** A plain, accessible data table that scrolls sideways on narrow screens. */
export function Table({
  caption,
  head,
  children,
  bodyHtml,
}: {
  caption?: string;
  head: ReactNode[];
  children?: ReactNode;
  /** The rows as plain markup (components/ui/markup.tsx) instead of children. */
  bodyHtml?: string;
}) {
  return (
    <div className="overflow-x-auto rounded-2xl bg-white shadow-sm ring-1 ring-black/5">
      <table className="w-full min-w-[36rem] border-collapse text-left text-sm">
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <thead className="bg-gray-50 text-xs uppercase tracking-wider text-gray-500">
          <tr>
            {head.map((h, i) => (
              <th key={i} scope="col" className="px-4 py-3 font-semibold">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        {bodyHtml === undefined ? (
          <tbody className="divide-y divide-gray-100">{children}</tbody>
        ) : (
          <Markup as="tbody" className="divide-y divide-gray-100" html={bodyHtml} />
        )}
      </table>
    </div>
  );
}

export function Td({ children, className }: { children: ReactNode; className?: string }) {
  return <td className={`px-4 py-3 align-middle ${className ?? ''}`}>{children}</td>;
}
