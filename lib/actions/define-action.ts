// The one way to write a server action: guard, parse, run, map failures to form values.
// Every action in app/ is built with it, so none forgets the guard, calls it outside the
// `try` (a wrong role would crash to the error page instead of showing a message), or shows
// an unexpected error's text to a person. Next's own control flow (redirect, notFound) thrown
// by the guard or by `onSuccess` passes through.
import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { toActionState, type ActionState, type FailureContext, type FieldErrors } from "@/lib/errors";

export type ActionDefinition<Bound extends unknown[], Actor, Schema extends z.ZodType, Result> = {
  /** Who may call it; throws (ForbiddenError, or a redirect to sign in) for anyone else. */
  guard: () => Promise<Actor>;
  /** The action's input, checked before anything runs. */
  schema: Schema;
  /** What to validate, from the form and any arguments bound with `.bind(null, …)`. */
  input: (formData: FormData, ...bound: Bound) => unknown;
  /** Typed values returned with a failure so the form keeps them (never a password). */
  values?: (formData: FormData) => Record<string, unknown>;
  /** Fields a person cannot see (hidden inputs, bound ids) and what to say when one is wrong. */
  hidden?: Record<string, string>;
  /** How schema failures become field errors; zod's flattened field errors by default. */
  fieldErrors?: (error: z.ZodError) => FieldErrors;
  /** The one domain call. DomainErrors become form messages; anything else is logged. */
  run: (input: z.output<Schema>, actor: Actor) => Promise<Result>;
  /** After success, outside the `try`: revalidate, redirect, or say what happened. */
  onSuccess?: (result: Result, input: z.output<Schema>) => ActionState | Promise<ActionState>;
};

/** Runs a definition; the outcome is always a value the form can show. */
async function runAction<Bound extends unknown[], Actor, Schema extends z.ZodType, Result>(
  definition: ActionDefinition<Bound, Actor, Schema, Result>,
  formData: FormData,
  bound: Bound,
): Promise<ActionState> {
  const values = definition.values?.(formData);
  let input: z.output<Schema> | undefined;
  let actor: Actor | undefined;
  let result: Result;
  try {
    actor = await definition.guard();
    const parsed = definition.schema.safeParse(definition.input(formData, ...bound));
    if (!parsed.success) {
      const hiddenProblem = Object.entries(definition.hidden ?? {}).find(([field]) => parsed.error.issues.some((issue) => issue.path[0] === field));
      if (hiddenProblem) return { formError: hiddenProblem[1], values };
      return { fieldErrors: (definition.fieldErrors ?? flattenedFieldErrors)(parsed.error), values };
    }
    input = parsed.data;
    result = await definition.run(input, actor);
  } catch (error) {
    unstable_rethrow(error);
    return toActionState(error, values, failureContext(actor, input));
  }
  return (await definition.onSuccess?.(result, input as z.output<Schema>)) ?? { ok: true };
}

/** An action for `useActionState`: `(state, formData)`, after any bound arguments. */
export function defineAction<Bound extends unknown[], Actor, Schema extends z.ZodType, Result>(
  definition: ActionDefinition<Bound, Actor, Schema, Result>,
): (...args: [...Bound, ActionState, FormData]) => Promise<ActionState> {
  return async (...args) => {
    const formData = args[args.length - 1] as FormData;
    const bound = args.slice(0, -2) as Bound;
    return runAction(definition, formData, bound);
  };
}

/** An action for a plain `<form action>` whose outcome the page shows by revalidating. */
export function defineFormAction<Actor, Schema extends z.ZodType, Result>(
  definition: ActionDefinition<[], Actor, Schema, Result>,
): (formData: FormData) => Promise<void> {
  return async (formData) => {
    await runAction(definition, formData, []);
  };
}

/** The schema of an action that takes no input but the click (its guard is the whole check). */
export const noInput = z.object({});

/**
 * Whom a failure concerns, for the log (docs/domain.md §10): the signed-in person every guard
 * returns (a `CurrentUser`, lib/auth/guards.ts) and the request the input names, if any.
 */
function failureContext(actor: unknown, input: unknown): FailureContext {
  const numberField = (value: unknown, field: string) => {
    const found = typeof value === "object" && value !== null ? (value as Record<string, unknown>)[field] : undefined;
    return typeof found === "number" ? found : undefined;
  };
  const context: FailureContext = {};
  const userId = numberField(actor, "id");
  const requestId = numberField(input, "requestId");
  if (userId !== undefined) context.userId = userId;
  if (requestId !== undefined) context.requestId = requestId;
  return context;
}

/** zod's field errors, the project's one shape for them. */
function flattenedFieldErrors(error: z.ZodError): FieldErrors {
  return z.flattenError(error).fieldErrors as FieldErrors;
}

/** The value of a form field as text ("" when missing), for `values`. */
export function formText(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}

/** Form fields by name, as given (null when missing), for `input`. */
export function formFields(formData: FormData, ...names: string[]): Record<string, FormDataEntryValue | null> {
  return Object.fromEntries(names.map((name) => [name, formData.get(name)]));
}
