// The admin's audit-log filters read from the page's query (docs/domain.md §10). Pure: anything
// that is not a valid filter is no filter, never an error.
import { parseIsoDay } from "@/lib/clock";
import { isAuditAction, type AuditAction } from "@/lib/audit/audit-actions";
import { firstParam } from "@/lib/search-params";

export type AuditFilters = {
  /** Part of the actor's name or email. */
  who: string;
  action: AuditAction | null;
  /** From 00:00 UTC of this day. */
  from: Date | null;
  /** Up to the end of this day (UTC). */
  to: Date | null;
};

type Params = Record<string, string | string[] | undefined>;

export function parseAuditFilters(params: Params): AuditFilters {
  const action = firstParam(params.action)?.trim() ?? "";
  return {
    who: (firstParam(params.who)?.trim() ?? "").slice(0, 254),
    action: isAuditAction(action) ? action : null,
    from: parseIsoDay(firstParam(params.from)?.trim() ?? ""),
    to: parseIsoDay(firstParam(params.to)?.trim() ?? ""),
  };
}
