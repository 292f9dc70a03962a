// Marking notifications read; always scoped to their owner, so nobody touches another's.
import "server-only";
import { systemClock, type Clock } from "@/lib/clock";
import { prisma } from "@/lib/db";

/** Marks one of the person's notifications read; unknown or foreign ids change nothing. */
export async function markNotificationRead(userId: number, notificationId: number, clock: Clock = systemClock): Promise<boolean> {
  const updated = await prisma.notification.updateMany({
    where: { id: notificationId, userId, readAt: null },
    data: { readAt: clock.now() },
  });
  return updated.count === 1;
}

export async function markAllNotificationsRead(userId: number, clock: Clock = systemClock): Promise<number> {
  const updated = await prisma.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: clock.now() } });
  return updated.count;
}
