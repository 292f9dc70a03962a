// What makes a request "open" (docs/domain.md §3): any status but Closed. The one home of the
// rule, for TypeScript, Prisma filters and raw SQL alike. Pure.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RequestStatus } from "@/lib/generated/prisma/enums";

/** The statuses of a request that is still open, in lifecycle order. */
export const openStatuses = ["NEW", "PROCESSING", "ON_APPROVAL", "CHANGES_REQUESTED"] as const satisfies readonly RequestStatus[];

export function isOpen(status: RequestStatus): boolean {
  return status !== "CLOSED";
}

/** The Prisma filter for open requests; spread it into a `where`. */
export const openRequestWhere = { status: { not: "CLOSED" } } as const satisfies Prisma.RequestWhereInput;

/** The same rule as a raw SQL condition on a "Request" row aliased `alias`. */
export function openRequestSql(alias: string): string {
  if (!/^[a-z_][a-z0-9_]*$/i.test(alias)) throw new Error(`Not a SQL alias: ${alias}`);
  return `${alias}."status" <> 'CLOSED'`;
}
