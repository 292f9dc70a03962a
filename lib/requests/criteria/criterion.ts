// What a publish grading criterion is (docs/domain.md §3.3): a name and an evaluation giving 0 or −1 with its reason.
import type { DbClient } from "@/lib/db";

type CriterionEffect = 0 | -1;

export type CriterionResult = { effect: CriterionEffect; reason: string };

/** Everything a criterion may look at; each criterion reads the rest itself through `tx`. */
export type CriterionContext = {
  tx: DbClient;
  requestId: number;
  release: { id: number; title: string; tracks: readonly { genre: string; position: number }[] };
  artistId: number;
  /** The requested publication date (a UTC day). */
  expectedDate: Date;
};

export type GradeCriterion = {
  /** Stable identifier stored with the breakdown. */
  key: string;
  /** The name people see. */
  name: string;
  evaluate: (context: CriterionContext) => Promise<CriterionResult>;
};

export function defineCriterion(criterion: GradeCriterion): GradeCriterion {
  return criterion;
}
