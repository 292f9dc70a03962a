// The request lifecycle (docs/domain.md §3) as one table of allowed transitions, and the
// authority on who may take which of them. The domain services check through
// `authorizeTransition`; pages show buttons from `allowedActions`. Pure.
import type { RequestResolution, RequestStatus, RequestType, Role } from "@/lib/generated/prisma/enums";
import { openStatuses } from "@/lib/requests/open-request";

export type RequestAction =
  | "assign"
  | "startGrading"
  | "finishGrading"
  | "accept"
  | "decline"
  | "requestChanges"
  | "resubmit"
  | "withdraw"
  | "expire"
  | "returnToWaiting";

/** Who takes a transition: the assigned manager, the applicant, or the worker. */
export type Party = "manager" | "applicant" | "system";

export type Transition = {
  from: readonly RequestStatus[];
  to: RequestStatus;
  resolution?: RequestResolution;
  types: readonly RequestType[];
  /** Who may take it. The system withdraws a request whose applicant can no longer apply (appointed as a manager). */
  by: readonly Party[];
};

const BOTH: readonly RequestType[] = ["SIGN_CONTRACT", "PUBLISH_RELEASE"];

export const transitions: Record<RequestAction, Transition> = {
  assign: { from: ["NEW"], to: "ON_APPROVAL", types: ["SIGN_CONTRACT"], by: ["system"] },
  startGrading: { from: ["NEW"], to: "PROCESSING", types: ["PUBLISH_RELEASE"], by: ["system"] },
  finishGrading: { from: ["PROCESSING"], to: "ON_APPROVAL", types: ["PUBLISH_RELEASE"], by: ["system"] },
  accept: { from: ["ON_APPROVAL"], to: "CLOSED", resolution: "ACCEPTED", types: BOTH, by: ["manager"] },
  decline: { from: ["ON_APPROVAL"], to: "CLOSED", resolution: "DECLINED", types: BOTH, by: ["manager"] },
  // docs/domain.md §9 "Request changes": the manager sends it back with a reason; the applicant
  // amends and resubmits, and the worker takes it on again from New.
  requestChanges: { from: ["ON_APPROVAL"], to: "CHANGES_REQUESTED", types: BOTH, by: ["manager"] },
  resubmit: { from: ["CHANGES_REQUESTED"], to: "NEW", types: BOTH, by: ["applicant"] },
  withdraw: { from: openStatuses, to: "CLOSED", resolution: "WITHDRAWN", types: BOTH, by: ["applicant", "system"] },
  expire: { from: openStatuses, to: "CLOSED", resolution: "EXPIRED", types: BOTH, by: ["system"] },
  // docs/domain.md §10 "Deactivate a manager": with no manager left to take it, a sign request
  // goes back to waiting for one (New, no manager), as in §3.1 step 2 (one sent back for changes
  // too: it cannot stay so without a manager to answer).
  returnToWaiting: { from: ["NEW", "ON_APPROVAL", "CHANGES_REQUESTED"], to: "NEW", types: ["SIGN_CONTRACT"], by: ["system"] },
};

const requestActions = Object.keys(transitions) as RequestAction[];

/** The transition exists for this type from this status (whoever asks). */
export function canTransition(type: RequestType, status: RequestStatus, action: RequestAction): boolean {
  const transition = transitions[action];
  return transition.types.includes(type) && transition.from.includes(status);
}

/** A signed-in person, as far as requests care. */
export type RequestViewer = { id: number; role: Role; managerId: number | null };

/** The facts of a request that decide who may see it and act on it. */
export type RequestParties = { type: RequestType; status: RequestStatus; applicantId: number; managerId: number | null };

/** What the viewer is to this request: its applicant, its assigned manager, both or neither. */
export function partiesOf(request: RequestParties, viewer: RequestViewer): Party[] {
  const parties: Party[] = [];
  if (request.applicantId === viewer.id) parties.push("applicant");
  if (viewer.role === "MANAGER" && viewer.managerId !== null && request.managerId === viewer.managerId) parties.push("manager");
  return parties;
}

/**
 * A request's applicant and its assigned manager may know it exists, and the admin, who reads
 * every request without being a party to it (docs/domain.md §10 "All requests").
 */
export function canViewRequest(request: RequestParties, viewer: RequestViewer): boolean {
  return partiesOf(request, viewer).length > 0 || viewer.role === "ADMIN";
}

/**
 * Who may submit a request of this type (docs/domain.md §3.1 step 1, §3.2 step 1): a sign
 * request comes from someone not yet part of the label, a publish request from an artist.
 */
export function maySubmit(type: RequestType, viewer: { role: Role; artistId?: number | null }): boolean {
  return type === "SIGN_CONTRACT" ? viewer.role === "USER" : viewer.role === "ARTIST" && viewer.artistId != null;
}

/** The actions this person may take on this request now; what the page offers as buttons. */
export function allowedActions(request: RequestParties, viewer: RequestViewer): RequestAction[] {
  const parties = partiesOf(request, viewer);
  return requestActions.filter(
    (action) => transitions[action].by.some((party) => party !== "system" && parties.includes(party)) && canTransition(request.type, request.status, action),
  );
}

/**
 * The verdict on one attempt: allowed; "hidden" (the actor may not know the request: answer
 * not found); "not-yours" (the actor sees it, but the action belongs to someone else);
 * "moved-on" (the right party, but not from the request's current status).
 */
export type TransitionVerdict = "allowed" | "hidden" | "not-yours" | "moved-on";

export function authorizeTransition(request: RequestParties, actor: RequestViewer | "system", action: RequestAction): TransitionVerdict {
  const transition = transitions[action];
  if (actor === "system") {
    if (!transition.by.includes("system")) return "not-yours";
  } else {
    const parties = partiesOf(request, actor);
    // The admin reads any request but takes none of its steps: refused, not hidden.
    if (parties.length === 0) return canViewRequest(request, actor) ? "not-yours" : "hidden";
    if (!transition.by.some((party) => parties.includes(party))) return "not-yours";
  }
  return canTransition(request.type, request.status, action) ? "allowed" : "moved-on";
}

/** The words people see (docs/domain.md §3). */
export const statusLabels: Record<RequestStatus, string> = {
  NEW: "New",
  PROCESSING: "Processing",
  ON_APPROVAL: "On approval",
  CHANGES_REQUESTED: "Changes requested",
  CLOSED: "Closed",
};

export const resolutionLabels: Record<RequestResolution, string> = {
  ACCEPTED: "Accepted",
  DECLINED: "Declined",
  EXPIRED: "Expired",
  WITHDRAWN: "Withdrawn",
};

export const typeLabels: Record<RequestType, string> = {
  SIGN_CONTRACT: "Sign contract",
  PUBLISH_RELEASE: "Publish release",
};
