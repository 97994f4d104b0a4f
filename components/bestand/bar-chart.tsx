import { useId } from 'react';

export interface ChartBar {
  label: string;
  value: number;
  /** The value as the reader reads it ("1.234,00 €", "12"). */
  display: string;
}

const ROW = 46;
const clip = (s: string, n = 30) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * A horizontal bar chart as server-rendered SVG: no viewBox, so its text stays at its real size on a phone;
 * bar lengths in percent. role="img" with <title> and <desc>; the numbers are in the table behind it.
 */
export function BarChart({
  title,
  desc,
  bars,
  color,
}: {
  title: string;
  desc: string;
  bars: ChartBar[];
  color: string;
}) {
  const id = useId();
  const max = Math.max(0, ...bars.map((b) => b.value));
  const height = bars.length * ROW;
  return (
    <svg
      role="img"
      aria-labelledby={`${id}-t ${id}-d`}
      width="100%"
      height={height}
      className="block text-ink"
      fontFamily="inherit"
    >
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{desc}</desc>
      {bars.map((b, i) => {
        const y = i * ROW;
        const pct = max > 0 ? Math.max((b.value / max) * 100, b.value > 0 ? 1 : 0) : 0;
        return (
          <g key={i}>
            <text x="0" y={y + 15} fill="currentColor" fontSize="13">
              {clip(b.label)}
            </text>
            <text x="100%" y={y + 15} fill="currentColor" fontSize="13" fontWeight="600" textAnchor="end">
              {b.display}
            </text>
            <rect x="0" y={y + 22} width="100%" height="12" rx="6" fill="#eef0f3" />
            <rect x="0" y={y + 22} width={`${pct}%`} height="12" rx="6" fill={color} />
          </g>
        );
      })}
    </svg>
  );
}
