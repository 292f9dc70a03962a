// A white panel that groups related content, with an optional heading row.
import { useId, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export type CardProps = {
  title?: ReactNode;
  description?: ReactNode;
  /** Buttons or links shown at the right of the heading. */
  actions?: ReactNode;
  /** Heading level of the title (default h2). */
  headingLevel?: "h2" | "h3";
  /** Drop the inner padding, e.g. for a table that runs edge to edge. */
  flush?: boolean;
  className?: string;
  children?: ReactNode;
};

export function Card({ title, description, actions, headingLevel = "h2", flush, className, children }: CardProps) {
  const Heading = headingLevel;
  const hasHeader = title || description || actions;
  // A titled card is a named region, so it can be found by its title (and landmarks list it).
  const headingId = useId();
  return (
    <section
      aria-labelledby={title ? headingId : undefined}
      className={cn("rounded-lg border border-stone-200 bg-white shadow-sm", className)}
    >
      {hasHeader ? (
        <div className="flex flex-wrap items-start justify-between gap-3 border-b border-stone-200 px-4 py-3 sm:px-5">
          <div className="min-w-0">
            {title ? (
              <Heading id={headingId} className="text-base font-semibold text-stone-900">
                {title}
              </Heading>
            ) : null}
            {description ? <p className="mt-0.5 text-sm text-stone-600">{description}</p> : null}
          </div>
          {actions ? <div className="flex shrink-0 flex-wrap items-center gap-2">{actions}</div> : null}
        </div>
      ) : null}
      {children !== undefined ? <div className={flush ? undefined : "px-4 py-4 sm:px-5"}>{children}</div> : null}
    </section>
  );
}
