import { useId } from 'react';

export interface LineSeries {
  label: string;
  values: number[];
  color: string;
  dashed?: boolean;
}

const HEIGHT = 230;
const TOP = 22;
const BOTTOM = 30;
const PLOT = HEIGHT - TOP - BOTTOM;

/** A round upper bound (1, 2, 5 × 10^n) so the grid lines carry whole numbers. */
export function niceMax(value: number): number {
  if (value <= 2) return 2;
  const base = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((s) => s * base >= value)!;
  return step * base;
}

/**
 * A line chart of monthly values as server-rendered SVG: x in percent (one slot per month), y in pixels,
 * text at its real size; the second series dashed, so colour is not the only difference. Every other
 * month label is left out on narrow screens.
 */
export function LineChart({
  title,
  desc,
  labels,
  series,
}: {
  title: string;
  desc: string;
  labels: string[];
  series: LineSeries[];
}) {
  const id = useId();
  const max = niceMax(Math.max(0, ...series.flatMap((s) => s.values)));
  const n = labels.length;
  const x = (i: number) => `${((i + 0.5) / n) * 100}%`;
  const y = (v: number) => TOP + PLOT - (v / max) * PLOT;
  const ticks = [0, max / 2, max];
  return (
    <svg role="img" aria-labelledby={`${id}-t ${id}-d`} width="100%" height={HEIGHT} className="block text-ink">
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{desc}</desc>
      {ticks.map((t) => (
        <g key={t}>
          <line x1="0" x2="100%" y1={y(t)} y2={y(t)} stroke="#e5e7eb" strokeWidth="1" />
          <text x="0" y={y(t) - 5} fill="#4b5563" fontSize="11">
            {t}
          </text>
        </g>
      ))}
      {series.map((s) => (
        <g key={s.label} stroke={s.color} fill={s.color}>
          {s.values.slice(1).map((v, i) => (
            <line
              key={i}
              x1={x(i)}
              y1={y(s.values[i]!)}
              x2={x(i + 1)}
              y2={y(v)}
              strokeWidth="2.5"
              strokeLinecap="round"
              strokeDasharray={s.dashed ? '6 5' : undefined}
            />
          ))}
          {s.values.map((v, i) =>
            s.dashed ? (
              <rect key={i} x={x(i)} y={y(v) - 4} width="8" height="8" transform="translate(-4 0)" stroke="none" />
            ) : (
              <circle key={i} cx={x(i)} cy={y(v)} r="4" stroke="none" />
            ),
          )}
        </g>
      ))}
      {labels.map((l, i) => (
        <text
          key={i}
          x={x(i)}
          y={HEIGHT - 8}
          fill="currentColor"
          fontSize="11"
          textAnchor="middle"
          className={i % 2 === 1 ? 'max-sm:hidden' : undefined}
        >
          {l}
        </text>
      ))}
    </svg>
  );
}
