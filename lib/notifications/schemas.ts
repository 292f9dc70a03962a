// The notification list's form: which notification to mark read.
import { z } from "zod";
import { idSchema } from "@/lib/ids";

export const markNotificationSchema = z.object({ notificationId: idSchema });
