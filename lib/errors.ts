// Expected failures: the only messages that ever reach a person.
import { logger } from "@/lib/observability/logger";

export type FieldErrors = Record<string, string[] | undefined>;

/** A rule was broken; `message` is safe to show, `field` places it next to an input. */
export class DomainError extends Error {
  readonly field?: string;
  constructor(message: string, options?: { field?: string }) {
    super(message);
    this.name = "DomainError";
    this.field = options?.field;
  }
}

/** The thing does not exist, or the caller may not know it exists. */
export class NotFoundError extends DomainError {
  constructor(message = "Not found") {
    super(message);
    this.name = "NotFoundError";
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = "You are not allowed to do this") {
    super(message);
    this.name = "ForbiddenError";
  }
}

/** Another change got there first (a race, a repeated click). */
export class ConflictError extends DomainError {
  constructor(message: string) {
    super(message);
    this.name = "ConflictError";
  }
}

/** The result shape of every server action: values, never thrown errors. */
export type ActionState = {
  ok?: boolean;
  message?: string;
  formError?: string;
  fieldErrors?: FieldErrors;
  values?: Record<string, unknown>;
};

/**
 * A short reference for an unexpected failure (docs/domain.md §11 "Bad input"): shown to the
 * person instead of the error's text and written next to that text in the log (or stored with
 * it), so that support can find the detail from what the person tells them.
 */
export function newErrorReference(): string {
  return globalThis.crypto.randomUUID().replaceAll("-", "").slice(0, 8).toUpperCase();
}

/** Who and what an unexpected failure concerns, for its log line (docs/domain.md §10). */
export type FailureContext = { userId?: number; requestId?: number };

/**
 * Turns a thrown error into what a form may show; unexpected errors are logged with a reference
 * (and the person and request they concern), not shown.
 */
export function toActionState(error: unknown, values?: Record<string, unknown>, context: FailureContext = {}): ActionState {
  if (error instanceof DomainError) {
    return error.field
      ? { fieldErrors: { [error.field]: [error.message] }, values }
      : { formError: error.message, values };
  }
  const reference = newErrorReference();
  logger.error({ err: error, reference, ...context }, `unexpected failure, reference ${reference}`);
  return { formError: `Something went wrong on our side. Please try again; if it keeps happening, give the label the reference ${reference}.`, values };
}

/** Postgres unique violation (Prisma wraps it as P2002, the driver as 23505). */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const candidate = error as { code?: string; cause?: unknown; meta?: unknown };
  if (candidate.code === "P2002" || candidate.code === "23505") return true;
  return JSON.stringify(candidate.meta ?? {}).includes("23505") || isUniqueViolationCause(candidate.cause);
}

/** The name of the unique index a violation hit, when the driver tells it. */
export function violatedConstraint(error: unknown): string | null {
  if (!isUniqueViolation(error)) return null;
  const text = `${JSON.stringify((error as { meta?: unknown }).meta ?? {})} ${(error as { message?: string }).message ?? ""}`;
  return /"index":"([^"]+)"/.exec(text)?.[1] ?? /constraint[^`"]*[`"]([^`"]+)[`"]/.exec(text)?.[1] ?? null;
}

function isUniqueViolationCause(cause: unknown): boolean {
  return typeof cause === "object" && cause !== null && (cause as { code?: string }).code === "23505";
}
