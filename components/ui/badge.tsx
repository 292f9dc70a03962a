// A small coloured label for statuses, roles and counts.
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export type BadgeTone = "neutral" | "accent" | "info" | "success" | "warning" | "danger";

const tones: Record<BadgeTone, string> = {
  neutral: "bg-stone-100 text-stone-700 ring-stone-300",
  accent: "bg-accent-50 text-accent-800 ring-accent-200",
  info: "bg-sky-50 text-sky-800 ring-sky-200",
  success: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  warning: "bg-amber-50 text-amber-900 ring-amber-200",
  danger: "bg-red-50 text-red-800 ring-red-200",
};

// The badge's own look is the `.badge` class of app/globals.css (one short class: lists repeat it
// on every row, decision 022); the tone and `className` are utilities over it.
export function Badge({ tone = "neutral", className, children }: { tone?: BadgeTone; className?: string; children: ReactNode }) {
  return (
    <span
      className={cn(
        "badge",
        tones[tone],
        className,
      )}
    >
      {children}
    </span>
  );
}
