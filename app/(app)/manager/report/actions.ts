"use server";
// The report's action: a manager asks for a statistics refresh (the worker does the fetching).
import { revalidatePath } from "next/cache";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { requireRole } from "@/lib/auth/guards";
import { toActionState, type ActionState } from "@/lib/errors";
import { requestStatisticsRefresh } from "@/lib/statistics/request-statistics-refresh";

/** The form carries no fields of its own; anything else is ignored. */
const refreshSchema = z.object({}).loose();

export async function refreshStatisticsAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const manager = await requireRole("MANAGER");
    refreshSchema.parse(Object.fromEntries(formData));
    const { alreadyRunning } = await requestStatisticsRefresh(manager);
    revalidatePath("/manager/report");
    return {
      ok: true,
      message: alreadyRunning
        ? "A refresh is already running. The figures update when it finishes."
        : "Refresh started. The figures update when it finishes.",
    };
  } catch (error) {
    unstable_rethrow(error);
    return toActionState(error);
  }
}
