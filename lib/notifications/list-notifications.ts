// A person's own notifications, newest first, a page at a time; and the unread count.
import "server-only";
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { readPage } from "@/lib/pagination";

const NOTIFICATIONS_PAGE_SIZE = 20;

type NotificationItem = {
  id: number;
  message: string;
  requestId: number | null;
  createdAt: Date;
  readAt: Date | null;
};

export type NotificationPage = {
  notifications: NotificationItem[];
  page: number;
  pageCount: number;
  total: number;
  unread: number;
};

export async function listNotifications(userId: number, requestedPage: number, pageSize = NOTIFICATIONS_PAGE_SIZE): Promise<NotificationPage> {
  const [{ rows: notifications, ...page }, unread] = await Promise.all([
    readPage(
      requestedPage,
      pageSize,
      () => prisma.notification.count({ where: { userId } }),
      (window) =>
        prisma.notification.findMany({
          where: { userId },
          select: { id: true, message: true, requestId: true, createdAt: true, readAt: true },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          ...window,
        }),
    ),
    countUnreadNotifications(userId),
  ]);
  return { notifications, ...page, unread };
}

export async function countUnreadNotifications(userId: number): Promise<number> {
  return prisma.notification.count({ where: { userId, readAt: null } });
}

/**
 * The same count as a scalar subquery of a larger statement, for the user whose id is the SQL
 * `userId` (a column of that statement): the signed-in layout reads it with the session's row,
 * in one round trip (lib/auth/sessions.ts, decision 021).
 */
export function unreadNotificationsCountSql(userId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(SELECT count(*)::int FROM "Notification" n WHERE n."userId" = ${userId} AND n."readAt" IS NULL)`;
}
