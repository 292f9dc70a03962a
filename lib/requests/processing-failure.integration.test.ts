// A worker give-up is shown to people as a reference; the raw detail stays stored for operators
// (docs/domain.md §11 "Bad input").
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { logger } from "@/lib/observability/logger";
import { markProcessingFailed } from "@/lib/requests/mark-processing-failed";
import { getRequestForViewer } from "@/lib/requests/queries";
import { submitSignRequest } from "@/lib/requests/sign/submit-sign-request";
import { createUser } from "@/tests/support/create-accounts";
import { resetDatabase } from "@/tests/support/reset-database";

beforeEach(async () => {
  await resetDatabase(prisma);
});

afterAll(async () => {
  vi.restoreAllMocks();
  await prisma.$disconnect();
});

describe("a request whose processing failed", () => {
  it("shows its applicant a reference, never the error's text, and keeps the detail stored and logged", async () => {
    const logged = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    const applicant = await createUser(prisma);
    const request = await submitSignRequest(applicant, { nickname: "Failing Name", message: null });
    const internal = 'connect ECONNREFUSED 10.0.0.7:5432; statistics service answered HTTP 502: <html>upstream</html>';

    await markProcessingFailed(request.id, internal);

    const { request: shown } = await getRequestForViewer(applicant, request.id);
    expect(shown.processingFailedAt).toBeInstanceOf(Date);
    expect(shown.processingFailureReference).toMatch(/^[0-9A-F]{8}$/);
    expect(JSON.stringify(shown)).not.toContain("ECONNREFUSED");
    expect(JSON.stringify(shown)).not.toContain("10.0.0.7");
    expect("processingFailure" in shown).toBe(false);

    const stored = await prisma.request.findUniqueOrThrow({ where: { id: request.id } });
    expect(stored.processingFailure).toContain(internal);
    expect(stored.processingFailure).toContain(shown.processingFailureReference);
    expect(logged).toHaveBeenCalledWith(
      expect.objectContaining({ requestId: request.id, reference: shown.processingFailureReference, reason: internal }),
      expect.stringContaining(shown.processingFailureReference!),
    );
  });
});
