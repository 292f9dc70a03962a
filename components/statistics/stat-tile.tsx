// A headline number (total streams, likes, growth) with its label and an optional note.
import type { ReactNode } from "react";

export function StatTile({ label, value, note }: { label: string; value: ReactNode; note?: ReactNode }) {
  return (
    <div className="rounded-lg border border-stone-200 bg-white px-4 py-3 shadow-sm">
      <dt className="text-sm text-stone-600">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tracking-tight text-stone-900 tabular-nums">{value}</dd>
      {note ? <dd className="mt-0.5 text-xs text-stone-500">{note}</dd> : null}
    </div>
  );
}
