"use server";
// Marking the signed-in person's notifications read (one, or all of them).
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireUser } from "@/lib/auth/guards";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/notifications/mark-notifications-read";

const markOneSchema = z.object({ notificationId: z.coerce.number().int().positive() });

export async function markNotificationReadAction(formData: FormData): Promise<void> {
  const user = await requireUser();
  const parsed = markOneSchema.safeParse({ notificationId: formData.get("notificationId") });
  if (!parsed.success) return;
  await markNotificationRead(user.id, parsed.data.notificationId);
  // The layout too: the header's unread count.
  revalidatePath("/", "layout");
}

export async function markAllNotificationsReadAction(): Promise<void> {
  const user = await requireUser();
  await markAllNotificationsRead(user.id);
  revalidatePath("/", "layout");
}
