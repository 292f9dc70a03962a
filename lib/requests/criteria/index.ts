// The publish grading criteria, in the order people see them. A new criterion is one new
// module and one new line here; nothing else changes.
import type { GradeCriterion } from "@/lib/requests/criteria/criterion";
import { oneReleasePerDay } from "@/lib/requests/criteria/one-release-per-day";
import { relevantGenre } from "@/lib/requests/criteria/relevant-genre";
import { seasonLimit } from "@/lib/requests/criteria/season-limit";

export const gradeCriteria: readonly GradeCriterion[] = [seasonLimit, relevantGenre, oneReleasePerDay];

export type { CriterionResult, GradeCriterion, GradingSubject } from "@/lib/requests/criteria/criterion";
