// Makes a worker give-up visible on the request instead of dropping it silently.
import "server-only";
import { systemClock, type Clock } from "@/lib/clock";
import { prisma } from "@/lib/db";

const PROCESSING_FAILED = "Processing failed — will not retry";

export async function markProcessingFailed(requestId: number, error: string, clock: Clock = systemClock) {
  await prisma.request.updateMany({
    where: { id: requestId },
    data: { processingFailedAt: clock.now(), processingFailure: `${PROCESSING_FAILED}: ${error.slice(0, 500)}` },
  });
}
