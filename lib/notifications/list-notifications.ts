// A person's own notifications, newest first, a page at a time; and the unread count.
import "server-only";
import { clampPage, pageCountOf } from "@/lib/pagination";
import { prisma } from "@/lib/db";

export const NOTIFICATIONS_PAGE_SIZE = 20;

export type NotificationItem = {
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
  const [total, unread] = await Promise.all([
    prisma.notification.count({ where: { userId } }),
    countUnreadNotifications(userId),
  ]);
  const pageCount = pageCountOf(total, pageSize);
  const page = clampPage(requestedPage, pageCount);
  const notifications = await prisma.notification.findMany({
    where: { userId },
    select: { id: true, message: true, requestId: true, createdAt: true, readAt: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * pageSize,
    take: pageSize,
  });
  return { notifications, page, pageCount, total, unread };
}

export async function countUnreadNotifications(userId: number): Promise<number> {
  return prisma.notification.count({ where: { userId, readAt: null } });
}
