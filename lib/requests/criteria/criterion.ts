// What a publish grading criterion is (docs/domain.md §3.3): a name, a read of the facts it
// needs, and a pure judgement of one request over those facts giving 0 or −1 with its reason.
import type { DbClient } from "@/lib/db";

type CriterionEffect = 0 | -1;

export type CriterionResult = { effect: CriterionEffect; reason: string };

/** The publish request being graded: everything a criterion may look at besides what it reads. */
export type GradingSubject = {
  requestId: number;
  release: { id: number; title: string; tracks: readonly { genre: string; position: number }[] };
  artistId: number;
  /** The requested publication date (a UTC day). */
  expectedDate: Date;
};

/**
 * `readFacts` reads once what judging all the given requests needs (one request when graded
 * alone, a run of them in the worker's batch, decision 020); `judge` is the rule, pure, so one
 * at a time and in a batch judge alike. Facts are read before any of the requests is graded:
 * they must not depend on gradings (today they are publications and statistics, which grading
 * never writes), or a batch would judge differently from one at a time.
 */
export type CriterionDefinition<Facts> = {
  /** Stable identifier stored with the breakdown. */
  key: string;
  /** The name people see. */
  name: string;
  readFacts: (tx: DbClient, subjects: readonly GradingSubject[]) => Promise<Facts>;
  judge: (subject: GradingSubject, facts: Facts) => CriterionResult;
};

export type GradeCriterion = {
  key: string;
  name: string;
  /** One result per subject, in their order, from one read of the facts. */
  evaluate: (tx: DbClient, subjects: readonly GradingSubject[]) => Promise<CriterionResult[]>;
};

export function defineCriterion<Facts>(definition: CriterionDefinition<Facts>): GradeCriterion {
  return {
    key: definition.key,
    name: definition.name,
    async evaluate(tx, subjects) {
      if (subjects.length === 0) return [];
      const facts = await definition.readFacts(tx, subjects);
      return subjects.map((subject) => definition.judge(subject, facts));
    },
  };
}
