import { redirect } from "next/navigation";
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { DomainError, ForbiddenError } from "@/lib/errors";
import { logger } from "@/lib/observability/logger";
import { defineAction, defineFormAction, formFields, noInput } from "./define-action";

const schema = z.object({ id: z.coerce.number().int().positive(), name: z.string().trim().min(1, "Enter a name") });

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

function action(overrides: Partial<Parameters<typeof defineAction<[], string, typeof schema, string>>[0]> = {}) {
  return defineAction<[], string, typeof schema, string>({
    guard: async () => "actor",
    schema,
    input: (formData) => formFields(formData, "id", "name"),
    values: (formData) => formFields(formData, "name"),
    hidden: { id: "Not found" },
    run: async (input, actor) => `${actor}:${input.id}:${input.name}`,
    onSuccess: (result) => ({ ok: true, message: result }),
    ...overrides,
  });
}

afterEach(() => vi.restoreAllMocks());

describe("defineAction", () => {
  it("guards, parses, runs and reports success", async () => {
    expect(await action()({}, form({ id: "7", name: " Ada " }))).toEqual({ ok: true, message: "actor:7:Ada" });
  });

  it("answers a refused guard with a message, before looking at the input, and runs nothing", async () => {
    const run = vi.fn();
    const refused = action({ guard: async () => Promise.reject(new ForbiddenError()), run });
    expect(await refused({}, form({ id: "x" }))).toEqual({ formError: "You are not allowed to do this", values: { name: null } });
    expect(run).not.toHaveBeenCalled();
  });

  it("puts schema errors next to their fields and keeps the typed values", async () => {
    expect(await action()({}, form({ id: "7", name: "  " }))).toEqual({ fieldErrors: { name: ["Enter a name"] }, values: { name: "  " } });
  });

  it("turns a bad hidden field into the form's message", async () => {
    expect(await action()({}, form({ id: "-1", name: "Ada" }))).toMatchObject({ formError: "Not found" });
  });

  it("shows a DomainError's words, and never an unexpected error's", async () => {
    const domain = action({ run: async () => Promise.reject(new DomainError("Taken", { field: "name" })) });
    expect(await domain({}, form({ id: "1", name: "Ada" }))).toEqual({ fieldErrors: { name: ["Taken"] }, values: { name: "Ada" } });
    vi.spyOn(logger, "error").mockImplementation(() => undefined);
    const broken = action({ run: async () => Promise.reject(new Error("connection refused at 10.0.0.7:5432")) });
    const state = await broken({}, form({ id: "1", name: "Ada" }));
    expect(state.formError).toMatch(/^Something went wrong on our side\. Please try again; .* reference [0-9A-F]{8}\.$/);
    expect(JSON.stringify(state)).not.toContain("10.0.0.7");
  });

  it("logs an unexpected failure with the signed-in person and the request the input names (docs/domain.md §10)", async () => {
    const logged = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    const failing = defineAction({
      guard: async () => ({ id: 7, role: "MANAGER" }),
      schema: z.object({ requestId: z.coerce.number() }),
      input: (formData) => formFields(formData, "requestId"),
      run: async () => Promise.reject(new Error("boom")),
    });
    const state = await failing({}, form({ requestId: "12" }));
    const reference = /reference ([0-9A-F]{8})\./.exec(state.formError ?? "")?.[1];
    expect(logged).toHaveBeenCalledWith(expect.objectContaining({ reference, userId: 7, requestId: 12 }), expect.stringContaining(reference!));
  });

  it("lets Next's redirects through, from the guard and after success", async () => {
    const signedOut = action({ guard: async () => redirect("/login") });
    await expect(signedOut({}, form({ id: "1", name: "Ada" }))).rejects.toMatchObject({ digest: expect.stringContaining("NEXT_REDIRECT") });
    const redirecting = action({ onSuccess: () => redirect("/done") });
    await expect(redirecting({}, form({ id: "1", name: "Ada" }))).rejects.toMatchObject({ digest: expect.stringContaining("/done") });
  });

  it("passes arguments bound by the page to the input", async () => {
    const bound = defineAction({
      guard: async () => null,
      schema: z.object({ releaseId: z.number() }),
      input: (_formData, releaseId: unknown) => ({ releaseId }),
      run: async ({ releaseId }) => releaseId,
      onSuccess: (releaseId) => ({ ok: true, message: String(releaseId) }),
    });
    expect(await bound(42, {}, form({}))).toEqual({ ok: true, message: "42" });
  });
});

describe("defineFormAction", () => {
  it("runs a plain form action and swallows its state", async () => {
    const run = vi.fn(async () => undefined);
    await defineFormAction({ guard: async () => "actor", schema: noInput, input: () => ({}), run })(form({}));
    expect(run).toHaveBeenCalledWith({}, "actor");
  });
});
