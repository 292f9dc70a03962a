// Makes a worker give-up visible on the request instead of dropping it silently. The stored text
// keeps the raw detail for operators; people are shown only its reference (docs/domain.md §11).
import "server-only";
import { systemClock, type Clock } from "@/lib/clock";
import { prisma } from "@/lib/db";
import { newErrorReference } from "@/lib/errors";
import { logger } from "@/lib/observability/logger";

const PROCESSING_FAILED = "Processing failed — will not retry";

/** Stores the failure with a new reference, which the log line names too. */
export async function markProcessingFailed(requestId: number, error: string, clock: Clock = systemClock): Promise<void> {
  const reference = newErrorReference();
  logger.error({ requestId, reference, reason: error }, `processing of request ${requestId} failed, reference ${reference}`);
  await prisma.request.updateMany({
    where: { id: requestId },
    data: { processingFailedAt: clock.now(), processingFailure: `${PROCESSING_FAILED} (reference ${reference}): ${error.slice(0, 500)}` },
  });
}

/** The reference of a stored failure text, the only part of it shown to people; null for older rows without one. */
export function processingFailureReference(stored: string | null): string | null {
  return stored ? (/\(reference ([0-9A-F]{8})\)/.exec(stored)?.[1] ?? null) : null;
}
