// release.go-live-due → the scheduled release becomes PUBLISHED.
import { releaseGoLiveDue } from "@/lib/events/definitions";
import { logger } from "@/lib/observability/logger";
import { publishRelease } from "@/lib/requests/publish/publish-release";
import { defineHandler } from "@/worker/handler";

export const publishReleaseHandler = defineHandler({
  event: releaseGoLiveDue,
  handle: async (payload, { applyOnce }) => {
    await applyOnce((tx) => publishRelease(tx, payload.releaseId).then(() => undefined));
  },
  // No request to mark: the message stays on the dead-letter topic, and the release keeps
  // showing "Goes live on …" with the date passed, which the manager can see.
  onGiveUp: async (payload, error) => {
    logger.error({ releaseId: payload.releaseId, reason: error }, `go-live of release ${payload.releaseId} gave up`);
  },
});
