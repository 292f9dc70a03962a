// The request lifecycle (docs/domain.md §3) as one table of allowed transitions. Pure.
import type { RequestResolution, RequestStatus, RequestType } from "@/lib/generated/prisma/enums";

export type RequestAction =
  | "assign"
  | "startGrading"
  | "finishGrading"
  | "accept"
  | "decline"
  | "withdraw"
  | "expire";

export type Transition = {
  from: readonly RequestStatus[];
  to: RequestStatus;
  resolution?: RequestResolution;
  types: readonly RequestType[];
  /** Who may take it: the assigned manager, the applicant, or the worker. */
  by: "manager" | "applicant" | "system";
};

const OPEN: readonly RequestStatus[] = ["NEW", "PROCESSING", "ON_APPROVAL"];
const BOTH: readonly RequestType[] = ["SIGN_CONTRACT", "PUBLISH_RELEASE"];

export const transitions: Record<RequestAction, Transition> = {
  assign: { from: ["NEW"], to: "ON_APPROVAL", types: ["SIGN_CONTRACT"], by: "system" },
  startGrading: { from: ["NEW"], to: "PROCESSING", types: ["PUBLISH_RELEASE"], by: "system" },
  finishGrading: { from: ["PROCESSING"], to: "ON_APPROVAL", types: ["PUBLISH_RELEASE"], by: "system" },
  accept: { from: ["ON_APPROVAL"], to: "CLOSED", resolution: "ACCEPTED", types: BOTH, by: "manager" },
  decline: { from: ["ON_APPROVAL"], to: "CLOSED", resolution: "DECLINED", types: BOTH, by: "manager" },
  withdraw: { from: OPEN, to: "CLOSED", resolution: "WITHDRAWN", types: BOTH, by: "applicant" },
  expire: { from: OPEN, to: "CLOSED", resolution: "EXPIRED", types: BOTH, by: "system" },
};

export function canTransition(type: RequestType, status: RequestStatus, action: RequestAction): boolean {
  const transition = transitions[action];
  return transition.types.includes(type) && transition.from.includes(status);
}

export function isOpen(status: RequestStatus): boolean {
  return status !== "CLOSED";
}

/** The words people see (docs/domain.md §3). */
export const statusLabels: Record<RequestStatus, string> = {
  NEW: "New",
  PROCESSING: "Processing",
  ON_APPROVAL: "On approval",
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
