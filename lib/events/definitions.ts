// Every event of the system. Add one here and give it a handler in worker/handlers.
import { z } from "zod";
import { defineEvent } from "@/lib/events/define-event";

const requestRef = z.object({ requestId: z.number().int().positive() });

/** A sign-contract request waits for a manager (right after submit; again with backoff). */
export const signRequestAssignmentDue = defineEvent({
  name: "sign-request.assignment-due",
  version: 1,
  topic: "signRequests",
  schema: requestRef.extend({ attempt: z.number().int().nonnegative().default(0) }),
  keyOf: (payload) => `request-${payload.requestId}`,
});

/** A publish request waits to be graded (right after submit). */
export const publishRequestGradingDue = defineEvent({
  name: "publish-request.grading-due",
  version: 1,
  topic: "publishRequests",
  schema: requestRef,
  keyOf: (payload) => `request-${payload.requestId}`,
});

/**
 * A request's deadline as it was when the event was scheduled (docs/domain.md §9 "Deadlines"):
 * its handler acts only while the request's `expiresAt` still equals it. Version 1 events,
 * enqueued before deadlines were stored, carry no `expiresAt`.
 */
const requestDeadline = requestRef.extend({ expiresAt: z.iso.datetime().optional() });

/** A request still undecided at this time is closed as Expired. */
export const requestExpiryDue = defineEvent({
  name: "request.expiry-due",
  version: 2,
  topic: "dueRequests",
  schema: requestDeadline,
  keyOf: (payload) => `request-${payload.requestId}`,
});

/** A request still undecided 7 days before it expires: its assigned manager is reminded. */
export const requestReminderDue = defineEvent({
  name: "request.reminder-due",
  version: 1,
  topic: "dueRequests",
  schema: requestRef.extend({ expiresAt: z.iso.datetime() }),
  keyOf: (payload) => `request-${payload.requestId}`,
});

/** A scheduled release goes live. */
export const releaseGoLiveDue = defineEvent({
  name: "release.go-live-due",
  version: 1,
  topic: "dueReleases",
  schema: z.object({ releaseId: z.number().int().positive() }),
  keyOf: (payload) => `release-${payload.releaseId}`,
});

/** An artist's contract ends: the artist becomes inactive. */
export const contractEndDue = defineEvent({
  name: "artist.contract-end-due",
  version: 1,
  topic: "dueContracts",
  schema: z.object({ artistId: z.number().int().positive(), contractDueDate: z.string() }),
  keyOf: (payload) => `artist-${payload.artistId}`,
});

/** Fetch statistics now (daily schedule or a manager's button). */
export const statisticsRefreshRequested = defineEvent({
  name: "statistics.refresh-requested",
  version: 1,
  topic: "statisticsCommands",
  schema: z.object({ refreshId: z.number().int().positive() }),
  keyOf: () => "statistics",
});

/**
 * A manager was deactivated (docs/domain.md §10): the worker moves their open requests and
 * artists to the remaining managers. Sent again when a manager appears while it waits for one.
 */
export const managerDeactivated = defineEvent({
  name: "manager.deactivated",
  version: 1,
  topic: "managerCommands",
  schema: z.object({ deactivationId: z.number().int().positive() }),
  keyOf: (payload) => `deactivation-${payload.deactivationId}`,
});

/** A harmless event the platform's own tests and health checks send through the pipeline. */
export const platformProbe = defineEvent({
  name: "platform.probe",
  version: 1,
  topic: "platformProbe",
  schema: z.object({ probeId: z.string().min(1), fail: z.boolean().default(false) }),
  keyOf: (payload) => payload.probeId,
});
