// Parses the manager queue's query string into filters; unknown values fall back to defaults.
import { z } from "zod";

export const queueFiltersSchema = z.object({
  status: z.enum(["open", "all", "NEW", "PROCESSING", "ON_APPROVAL", "CLOSED"]).catch("open"),
  type: z.enum(["all", "SIGN_CONTRACT", "PUBLISH_RELEASE"]).catch("all"),
  q: z.string().trim().max(100).catch(""),
  sort: z.enum(["newest", "oldest", "grade-best", "grade-worst"]).catch("newest"),
  page: z.coerce.number().int().positive().catch(1),
});

export type QueueQuery = z.infer<typeof queueFiltersSchema>;

export function parseQueueQuery(params: Record<string, string | string[] | undefined>): QueueQuery {
  const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  return queueFiltersSchema.parse({
    status: single(params.status) ?? "open",
    type: single(params.type) ?? "all",
    q: single(params.q) ?? "",
    sort: single(params.sort) ?? "newest",
    page: single(params.page) ?? 1,
  });
}
