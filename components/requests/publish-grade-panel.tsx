// A publish request's grade and its criteria (docs/domain.md §3.3), in their fixed order, each
// with its effect and reason; or what the grade is waiting for.
import { Badge } from "@/components/ui/badge";
import type { RequestStatus } from "@/lib/generated/prisma/enums";
import { parseGradeBreakdown } from "@/lib/requests/publish/grade-breakdown";

export function PublishGradePanel({
  status,
  grade,
  gradeBreakdown,
}: {
  status?: RequestStatus;
  grade: number | null;
  gradeBreakdown: unknown;
}) {
  const breakdown = parseGradeBreakdown(gradeBreakdown);
  if (grade === null || breakdown === null) {
    if (status === "CLOSED") return <p className="text-sm text-stone-600">Not graded: the request was closed before grading.</p>;
    return (
      <p role="status" className="flex items-center gap-2 text-sm text-stone-700">
        <span aria-hidden="true" className="size-3 animate-spin rounded-full border-2 border-accent-600 border-r-transparent" />
        Waiting for the grade — the label&apos;s system is grading this request
      </p>
    );
  }
  return (
    <div className="space-y-4">
      <p className="text-sm text-stone-700">
        <span className="text-lg font-semibold text-stone-900">Grade: {grade} of 0</span>
        <span className="ml-2">0 is best; each criterion below can cost one point. The grade advises, it decides nothing.</span>
      </p>
      <ol aria-label="Grading criteria" className="divide-y divide-stone-200 rounded-md border border-stone-200">
        {breakdown.map((criterion) => (
          <li key={criterion.key} className="flex flex-col gap-1 px-4 py-3 sm:flex-row sm:items-start sm:gap-4">
            <div className="flex shrink-0 items-center gap-2 sm:w-56">
              <span className="font-medium text-stone-900">{criterion.name}</span>
              <Badge tone={criterion.effect < 0 ? "warning" : "success"}>
                <span className="sr-only">Effect: </span>
                {criterion.effect}
              </Badge>
            </div>
            <p className="text-sm text-stone-700">{criterion.reason}</p>
          </li>
        ))}
      </ol>
    </div>
  );
}
