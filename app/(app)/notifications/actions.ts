"use server";
// Marking the signed-in person's notifications read (one, or all of them).
import { revalidatePath } from "next/cache";
import { defineFormAction, formFields, noInput } from "@/lib/actions/define-action";
import { requireUser } from "@/lib/auth/guards";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/notifications/mark-notifications-read";
import { markNotificationSchema } from "@/lib/notifications/schemas";

// The layout too: the header's unread count.
const refreshEverywhere = () => {
  revalidatePath("/", "layout");
  return {};
};

export const markNotificationReadAction = defineFormAction({
  guard: requireUser,
  schema: markNotificationSchema,
  input: (formData) => formFields(formData, "notificationId"),
  run: ({ notificationId }, user) => markNotificationRead(user.id, notificationId),
  onSuccess: refreshEverywhere,
});

export const markAllNotificationsReadAction = defineFormAction({
  guard: requireUser,
  schema: noInput,
  input: () => ({}),
  run: (_input, user) => markAllNotificationsRead(user.id),
  onSuccess: refreshEverywhere,
});
