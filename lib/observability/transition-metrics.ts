// Request transitions by request type and action (docs/domain.md §3, §10; decision 016), counted
// by transitionRequest, the one place every status change goes through. Each process counts its
// own: the web app a person's decisions, the worker the system's steps.
import { METRIC_PREFIX, counter } from "@/lib/observability/registry";

export const requestTransitions = counter({
  name: `${METRIC_PREFIX}request_transitions_total`,
  help: "Request status changes applied, by request type and action of the transition table (counted when written; a transaction that then rolls back still counts)",
  labelNames: ["type", "action"] as const,
});
