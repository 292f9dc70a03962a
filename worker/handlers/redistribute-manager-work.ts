// manager.deactivated → move the former manager's artists and open requests to the remaining
// managers, chunk by chunk (docs/domain.md §10). Safe to run again: each chunk starts from what
// still points at the former manager, and a finished job does nothing.
import { prisma } from "@/lib/db";
import { managerDeactivated } from "@/lib/events/definitions";
import { redistributeWork } from "@/lib/managers/redistribute-work";
import { defineHandler } from "@/worker/handler";

export const redistributeManagerWorkHandler = defineHandler({
  event: managerDeactivated,
  handle: async ({ deactivationId }) => {
    await redistributeWork(prisma, deactivationId);
  },
});
