// What a person sees of a failure: a DomainError's words, or a reference, never internal text.
import { afterEach, describe, expect, it, vi } from "vitest";
import { DomainError, newErrorReference, toActionState } from "@/lib/errors";
import { logger } from "@/lib/observability/logger";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("toActionState", () => {
  it("shows a DomainError's message, next to its field when it has one", () => {
    expect(toActionState(new DomainError("Taken", { field: "nickname" }), { nickname: "x" })).toEqual({
      fieldErrors: { nickname: ["Taken"] },
      values: { nickname: "x" },
    });
    expect(toActionState(new DomainError("Closed already"))).toEqual({ formError: "Closed already", values: undefined });
  });

  it("answers an unexpected error with a reference that is also in the logged line, and none of its text", () => {
    const logged = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    const error = new Error('connect ECONNREFUSED 10.0.0.7:5432 (relation "User" does not exist)');
    const state = toActionState(error, { name: "Ada" }, { userId: 7, requestId: 12 });

    const reference = /reference ([0-9A-F]{8})\./.exec(state.formError ?? "")?.[1];
    expect(reference).toMatch(/^[0-9A-F]{8}$/);
    expect(state.values).toEqual({ name: "Ada" });
    for (const internal of ["ECONNREFUSED", "10.0.0.7", "5432", "relation", "User"]) expect(state.formError).not.toContain(internal);
    expect(logged).toHaveBeenCalledTimes(1);
    // One JSON line naming the reference, the person and the request, with the error itself.
    expect(logged.mock.calls[0]?.[0]).toEqual({ err: error, reference, userId: 7, requestId: 12 });
    expect(String(logged.mock.calls[0]?.[1])).toContain(reference);
  });

  it("gives each failure its own reference", () => {
    vi.spyOn(logger, "error").mockImplementation(() => undefined);
    const references = new Set(Array.from({ length: 50 }, () => toActionState(new Error("boom")).formError));
    expect(references.size).toBe(50);
    expect(newErrorReference()).toMatch(/^[0-9A-F]{8}$/);
  });
});
