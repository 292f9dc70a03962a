// A message box for a whole form or page: errors (announced at once) and confirmations.
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export type AlertTone = "error" | "success" | "info" | "warning";

const tones: Record<AlertTone, string> = {
  error: "border-red-200 bg-red-50 text-red-800",
  success: "border-emerald-200 bg-emerald-50 text-emerald-800",
  info: "border-sky-200 bg-sky-50 text-sky-900",
  warning: "border-amber-200 bg-amber-50 text-amber-900",
};

export function Alert({ tone = "info", title, className, children }: { tone?: AlertTone; title?: ReactNode; className?: string; children?: ReactNode }) {
  return (
    <div role={tone === "error" ? "alert" : "status"} className={cn("rounded-md border px-4 py-3 text-sm", tones[tone], className)}>
      {title ? <p className="font-medium">{title}</p> : null}
      {children ? <div className={title ? "mt-1" : undefined}>{children}</div> : null}
    </div>
  );
}

/**
 * The form-level message of an ActionState. The live region is always rendered so that a
 * message appearing after a submit is announced.
 */
export function FormMessage({ error, success, className }: { error?: string; success?: string; className?: string }) {
  return (
    <div aria-live="polite" className={className}>
      {error ? <Alert tone="error">{error}</Alert> : success ? <Alert tone="success">{success}</Alert> : null}
    </div>
  );
}
