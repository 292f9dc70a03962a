// What a list shows when it has nothing in it: say why, and what to do next.
import type { ReactNode } from "react";

export type EmptyStateProps = {
  title: ReactNode;
  description?: ReactNode;
  /** Usually a LinkButton to create the first item. */
  action?: ReactNode;
};

export function EmptyState({ title, description, action }: EmptyStateProps) {
  return (
    <div className="rounded-lg border border-dashed border-stone-300 bg-white px-6 py-10 text-center">
      <p className="text-base font-medium text-stone-900">{title}</p>
      {description ? <p className="mx-auto mt-1 max-w-md text-sm text-stone-600">{description}</p> : null}
      {action ? <div className="mt-4 flex justify-center">{action}</div> : null}
    </div>
  );
}
