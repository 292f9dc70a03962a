// Streams over time as a server-rendered SVG line chart (one line per release), with a legend
// and its data as a table for people who cannot see the chart.
import { useId } from "react";
import { formatDay, parseIsoDay } from "@/lib/clock";
import type { StreamsSeries } from "@/lib/statistics/build-streams-series";
import { formatCount } from "@/lib/statistics/statistics-growth";
import { describeLines, formatCompact, labelIndexes, niceTicks } from "@/components/statistics/chart-scale";

const WIDTH = 760;
const HEIGHT = 300;
const MARGIN = { top: 16, right: 20, bottom: 36, left: 64 };

/** Distinct colours (and dash patterns, so lines stay apart without colour vision). */
const LINE_STYLES = [
  { color: "oklch(0.55 0.215 25.5)", dash: undefined },
  { color: "#0369a1", dash: "6 4" },
  { color: "#047857", dash: "2 3" },
  { color: "#b45309", dash: "10 4 2 4" },
  { color: "#6d28d9", dash: undefined },
  { color: "#44403c", dash: "6 4" },
] as const;

function styleOf(index: number) {
  return LINE_STYLES[index % LINE_STYLES.length] ?? LINE_STYLES[0];
}

function shortDay(isoDay: string): string {
  const day = parseIsoDay(isoDay);
  return day ? formatDay(day).replace(/ \d{4}$/, "") : isoDay;
}

export function StreamsChart({ series, title = "Streams over time" }: { series: StreamsSeries; title?: string }) {
  const id = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  const { days, lines } = series;
  const max = Math.max(0, ...lines.flatMap((line) => line.values.filter((value): value is number => value !== null)));
  const ticks = niceTicks(max);
  const top = ticks[ticks.length - 1] ?? 1;
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (index: number) => MARGIN.left + (days.length <= 1 ? plotWidth / 2 : (index * plotWidth) / (days.length - 1));
  const y = (value: number) => MARGIN.top + plotHeight - (value / top) * plotHeight;

  const paths = lines.map((line) => {
    let path = "";
    let drawing = false;
    line.values.forEach((value, index) => {
      if (value === null) {
        drawing = false;
        return;
      }
      path += `${drawing ? "L" : "M"}${x(index).toFixed(1)},${y(value).toFixed(1)}`;
      drawing = true;
    });
    return path;
  });
  const dayLabels = days.map((day) => (parseIsoDay(day) ? formatDay(parseIsoDay(day) as Date) : day));
  const description = describeLines(lines, dayLabels, formatCount);
  const rows = days
    .map((day, index) => ({ day, label: dayLabels[index] ?? day, values: lines.map((line) => line.values[index] ?? null) }))
    .filter((row) => row.values.some((value) => value !== null))
    .reverse();

  return (
    <figure className="space-y-3">
      {/* On narrow screens the chart scrolls sideways rather than shrinking its labels away; the
          frame takes the keyboard's focus so it can be scrolled without a mouse (decision 015). */}
      <div className="overflow-x-auto" tabIndex={0} role="group" aria-label={`${title} (scrolls sideways on a narrow screen)`}>
        <svg
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          role="img"
          aria-labelledby={`${id}-title ${id}-desc`}
          className="h-auto w-full min-w-[560px] overflow-visible text-stone-500"
        >
          <title id={`${id}-title`}>{title}</title>
          <desc id={`${id}-desc`}>{description}</desc>
          <g aria-hidden="true">
            {ticks.map((tick) => (
              <g key={tick}>
                <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} stroke="#e7e5e4" strokeWidth={1} />
                <text x={MARGIN.left - 8} y={y(tick)} dy="0.32em" textAnchor="end" fontSize={12} fill="currentColor">
                  {formatCompact(tick)}
                </text>
              </g>
            ))}
            {labelIndexes(days.length).map((index) => (
              <text key={index} x={x(index)} y={HEIGHT - 12} textAnchor="middle" fontSize={12} fill="currentColor">
                {shortDay(days[index] ?? "")}
              </text>
            ))}
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(0)} y2={y(0)} stroke="#a8a29e" strokeWidth={1} />
            {paths.map((path, index) => {
              const style = styleOf(index);
              return path ? (
                <path
                  key={lines[index]?.key ?? index}
                  d={path}
                  fill="none"
                  stroke={style.color}
                  strokeWidth={2.25}
                  strokeDasharray={style.dash}
                  strokeLinejoin="round"
                  strokeLinecap="round"
                />
              ) : null;
            })}
          </g>
        </svg>
      </div>
      <figcaption>
        <ul className="flex flex-wrap gap-x-5 gap-y-1 text-sm text-stone-700" aria-label="Legend">
          {lines.map((line, index) => {
            const style = styleOf(index);
            const latest = [...line.values].reverse().find((value) => value !== null);
            return (
              <li key={line.key} className="flex items-center gap-2">
                <svg width="24" height="10" aria-hidden="true" className="shrink-0">
                  <line x1="1" x2="23" y1="5" y2="5" stroke={style.color} strokeWidth={2.5} strokeDasharray={style.dash} />
                </svg>
                <span>
                  {line.label}
                  {latest !== undefined && latest !== null ? <span className="text-stone-500"> · {formatCount(latest)} streams</span> : null}
                </span>
              </li>
            );
          })}
        </ul>
      </figcaption>
      <details className="rounded-md border border-stone-200 bg-stone-50 px-3 py-2 text-sm">
        <summary className="cursor-pointer font-medium text-stone-700">Chart data as a table</summary>
        <div className="mt-2 max-h-80 overflow-auto" tabIndex={0} role="group" aria-label={`${title}: the chart's data`}>
          <table className="min-w-full text-left text-sm">
            <caption className="sr-only">{title}: total streams per release and day</caption>
            <thead>
              <tr>
                <th scope="col" className="py-1 pr-4 font-semibold text-stone-600">
                  Day
                </th>
                {lines.map((line) => (
                  <th key={line.key} scope="col" className="py-1 pr-4 text-right font-semibold text-stone-600">
                    {line.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.day} className="border-t border-stone-200">
                  <th scope="row" className="py-1 pr-4 font-normal whitespace-nowrap">
                    {row.label}
                  </th>
                  {row.values.map((value, index) => (
                    <td key={lines[index]?.key ?? index} className="py-1 pr-4 text-right tabular-nums">
                      {value === null ? "—" : formatCount(value)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
