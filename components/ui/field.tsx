// Form controls with a real <label>, an optional hint and the field's errors, wired
// together with aria-describedby / aria-invalid so screen readers announce them.
import { useId, type ComponentProps, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/** Errors as they come from zod's flatten / ActionState.fieldErrors. */
type FieldErrorList = string[] | string | undefined;

type FieldChrome = {
  label: ReactNode;
  /** Shown under the label; also announced with the control. */
  hint?: ReactNode;
  error?: FieldErrorList;
  /** Adds "(optional)" after the label. */
  optional?: boolean;
  /** Classes of the wrapping block. */
  className?: string;
};

const controlBase =
  "block w-full rounded-md border bg-white px-3 text-sm text-stone-900 shadow-sm placeholder:text-stone-500 " +
  "focus:border-accent-600 focus:outline-2 focus:outline-offset-0 focus:outline-accent-600/30 " +
  "disabled:cursor-not-allowed disabled:bg-stone-100 disabled:text-stone-500";

function errorsOf(error: FieldErrorList): string[] {
  if (!error) return [];
  return Array.isArray(error) ? error.filter(Boolean) : [error];
}

/** Ids and wrapper shared by every control. */
function useFieldIds(explicitId: string | undefined, name: string | undefined) {
  const generated = useId();
  const id = explicitId ?? `${name ?? "field"}-${generated.replace(/[^a-zA-Z0-9_-]/g, "")}`;
  return { id, hintId: `${id}-hint`, errorId: `${id}-error` };
}

function FieldShell({
  id,
  hintId,
  errorId,
  label,
  hint,
  errors,
  optional,
  className,
  children,
}: {
  id: string;
  hintId: string;
  errorId: string;
  label: ReactNode;
  hint?: ReactNode;
  errors: string[];
  optional?: boolean;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1.5 block text-sm font-medium text-stone-800">
        {label}
        {optional ? <span className="ml-1 font-normal text-stone-500">(optional)</span> : null}
      </label>
      {hint ? (
        <p id={hintId} className="-mt-0.5 mb-1.5 text-xs text-stone-500">
          {hint}
        </p>
      ) : null}
      {children}
      {/* Always present, so an error appearing after a submit is announced; takes no room when empty. */}
      <div id={errorId} aria-live="polite" className="mt-1.5 text-sm text-red-700 empty:mt-0">
        {errors.map((message) => (
          <p key={message}>{message}</p>
        ))}
      </div>
    </div>
  );
}

function describedBy(hint: ReactNode, hintId: string, errors: string[], errorId: string): string | undefined {
  const ids = [hint ? hintId : null, errors.length ? errorId : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

export type InputProps = Omit<ComponentProps<"input">, "className"> & FieldChrome;

/** A labelled text-like input (text, email, password, date, number, …). */
export function Input({ label, hint, error, className, id: explicitId, name, optional, ...props }: InputProps) {
  const { id, hintId, errorId } = useFieldIds(explicitId, name);
  const errors = errorsOf(error);
  return (
    <FieldShell {...{ id, hintId, errorId, label, hint, errors, optional, className }}>
      <input
        id={id}
        name={name}
        aria-invalid={errors.length ? true : undefined}
        aria-describedby={describedBy(hint, hintId, errors, errorId)}
        className={cn(controlBase, "h-10", errors.length ? "border-red-500" : "border-stone-300")}
        {...props}
      />
    </FieldShell>
  );
}

type SelectOption = { value: string; label: string; disabled?: boolean };

export type SelectProps = Omit<ComponentProps<"select">, "className" | "children"> &
  FieldChrome & {
    options: SelectOption[];
    /** A first, empty choice such as "Choose a release". */
    placeholder?: string;
  };

export function Select({ label, hint, error, className, id: explicitId, name, optional, options, placeholder, ...props }: SelectProps) {
  const { id, hintId, errorId } = useFieldIds(explicitId, name);
  const errors = errorsOf(error);
  return (
    <FieldShell {...{ id, hintId, errorId, label, hint, errors, optional, className }}>
      <select
        id={id}
        name={name}
        aria-invalid={errors.length ? true : undefined}
        aria-describedby={describedBy(hint, hintId, errors, errorId)}
        className={cn(controlBase, "h-10 pr-8", errors.length ? "border-red-500" : "border-stone-300")}
        {...props}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export type TextareaProps = Omit<ComponentProps<"textarea">, "className"> & FieldChrome;

export function Textarea({ label, hint, error, className, id: explicitId, name, optional, rows = 4, ...props }: TextareaProps) {
  const { id, hintId, errorId } = useFieldIds(explicitId, name);
  const errors = errorsOf(error);
  return (
    <FieldShell {...{ id, hintId, errorId, label, hint, errors, optional, className }}>
      <textarea
        id={id}
        name={name}
        rows={rows}
        aria-invalid={errors.length ? true : undefined}
        aria-describedby={describedBy(hint, hintId, errors, errorId)}
        className={cn(controlBase, "py-2", errors.length ? "border-red-500" : "border-stone-300")}
        {...props}
      />
    </FieldShell>
  );
}
