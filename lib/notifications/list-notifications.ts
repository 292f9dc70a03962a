// A person's own notifications, newest first, a page at a time; and the unread count.
import "server-only";
import { prisma } from "@/lib/db";
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
