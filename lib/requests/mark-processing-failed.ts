// Makes a worker give-up visible on the request instead of dropping it silently.
import "server-only";
import { prisma } from "@/lib/db";

export const PROCESSING_FAILED = "Processing failed — will not retry";

export async function markProcessingFailed(requestId: number, error: string) {
  await prisma.request.updateMany({
    where: { id: requestId },
    data: { processingFailedAt: new Date(), processingFailure: `${PROCESSING_FAILED}: ${error.slice(0, 500)}` },
  });
}
