// Every consumer handler of the worker, one per event.
import type { EventHandler } from "@/worker/handler";
import { assignSignRequestHandler } from "@/worker/handlers/assign-sign-request";
import { endContractHandler } from "@/worker/handlers/end-contract";
import { expireRequestHandler } from "@/worker/handlers/expire-request";
import { gradePublishRequestHandler } from "@/worker/handlers/grade-publish-request";
import { platformProbeHandler } from "@/worker/handlers/platform-probe";
import { publishReleaseHandler } from "@/worker/handlers/publish-release";
import { redistributeManagerWorkHandler } from "@/worker/handlers/redistribute-manager-work";
import { refreshStatisticsHandler } from "@/worker/handlers/refresh-statistics";
import { remindOfDeadlineHandler } from "@/worker/handlers/remind-of-deadline";

export const handlers: readonly EventHandler[] = [
  assignSignRequestHandler as EventHandler,
  gradePublishRequestHandler as EventHandler,
  expireRequestHandler as EventHandler,
  remindOfDeadlineHandler as EventHandler,
  publishReleaseHandler as EventHandler,
  endContractHandler as EventHandler,
  refreshStatisticsHandler as EventHandler,
  platformProbeHandler as EventHandler,
  redistributeManagerWorkHandler as EventHandler,
];
