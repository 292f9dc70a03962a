// /notifications: the signed-in person's notifications, newest first.
import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { SubmitButton } from "@/components/ui/submit-button";
import { cn } from "@/components/ui/cn";
import { requireUser } from "@/lib/auth/guards";
import { parsePage } from "@/lib/pagination";
import { formatDateTime } from "@/lib/clock";
import { listNotifications } from "@/lib/notifications/list-notifications";
import { markAllNotificationsReadAction, markNotificationReadAction } from "./actions";

export const metadata: Metadata = { title: "Notifications" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function NotificationsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser();
  const params = await searchParams;
  const { notifications, page, pageCount, total, unread } = await listNotifications(user.id, parsePage(params.page));

  return (
    <>
      <PageHeader
        title="Notifications"
        description={unread > 0 ? `${unread} unread` : "You are all caught up."}
        actions={
          unread > 0 ? (
            <form action={markAllNotificationsReadAction}>
              <SubmitButton variant="secondary" size="sm">
                Mark all as read
              </SubmitButton>
            </form>
          ) : null
        }
      />
      {notifications.length === 0 ? (
        <EmptyState title="No notifications yet" description="When something happens to your requests or releases, you will hear about it here." />
      ) : (
        <ul className="divide-y divide-stone-200 overflow-hidden rounded-lg border border-stone-200 bg-white shadow-sm">
          {notifications.map((notification) => {
            const unreadItem = notification.readAt === null;
            return (
              <li key={notification.id} className={cn("flex flex-wrap items-start gap-3 px-4 py-3 sm:flex-nowrap sm:px-5", unreadItem && "bg-accent-50/40")}>
                <span
                  aria-hidden="true"
                  className={cn("mt-1.5 size-2 shrink-0 rounded-full", unreadItem ? "bg-accent-600" : "bg-transparent")}
                />
                <div className="min-w-0 flex-1">
                  <p className={cn("text-sm", unreadItem ? "font-medium text-stone-900" : "text-stone-700")}>
                    {unreadItem ? <span className="sr-only">Unread: </span> : null}
                    {notification.message}
                  </p>
                  <p className="mt-0.5 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-stone-500">
                    <time dateTime={notification.createdAt.toISOString()}>{formatDateTime(notification.createdAt)}</time>
                    {notification.requestId !== null ? (
                      <Link href={`/requests/${notification.requestId}`} className="font-medium text-accent-700 hover:underline">
                        View request #{notification.requestId}
                      </Link>
                    ) : null}
                  </p>
                </div>
                {unreadItem ? (
                  <form action={markNotificationReadAction} className="ml-auto shrink-0">
                    <input type="hidden" name="notificationId" value={notification.id} />
                    <SubmitButton variant="ghost" size="sm">
                      Mark as read
                    </SubmitButton>
                  </form>
                ) : (
                  <Badge className="ml-auto shrink-0">Read</Badge>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <Pagination page={page} pageCount={pageCount} basePath="/notifications" total={total} itemLabel={total === 1 ? "notification" : "notifications"} />
    </>
  );
}
