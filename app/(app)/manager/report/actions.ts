"use server";
// The report's action: a manager asks for a statistics refresh (the worker does the fetching).
import { revalidatePath } from "next/cache";
import { defineAction, noInput } from "@/lib/actions/define-action";
import { requireRole } from "@/lib/auth/guards";
import { requestStatisticsRefresh } from "@/lib/statistics/request-statistics-refresh";

export const refreshStatisticsAction = defineAction({
  guard: () => requireRole("MANAGER"),
  schema: noInput,
  input: () => ({}),
  run: (_input, manager) => requestStatisticsRefresh(manager),
  onSuccess: ({ alreadyRunning }) => {
    revalidatePath("/manager/report");
    return {
      ok: true,
      message: alreadyRunning
        ? "A refresh is already running. The figures update when it finishes."
        : "Refresh started. The figures update when it finishes.",
    };
  },
});
