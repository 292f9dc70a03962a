// The worker's periodic jobs.
import type { ScheduledJob } from "@/worker/scheduler";

export const scheduledJobs: readonly ScheduledJob[] = [];
