// A harmless event that exercises the whole pipeline (health checks and platform tests).
import { platformProbe } from "@/lib/events/definitions";
import { defineHandler } from "@/worker/handler";

export const platformProbeHandler = defineHandler({
  event: platformProbe,
  handle: async (payload, { applyOnce }) => {
    if (payload.fail) throw new Error(`probe ${payload.probeId} asked to fail`);
    await applyOnce(async () => undefined);
  },
});
