"use client";
// Live pages (docs/domain.md §9, decision 014): mounted once in the signed-in layout, it listens
// to /api/live and re-renders the page (router.refresh: the server renders it again for this
// person) when an event concerns it — the request page for its own request, the request lists
// for any request, every page for notifications (the header's unread count). Events carry no
// text; what the page shows is read again on the server, so nothing travels that the person
// may not see.
//
// Every stream starts with a "resync" event, so the page also re-renders whenever the stream
// (re)opens: changes made while it was not connected (before it first opened, while the server
// restarted) were never pushed. Polling
// is only the fallback where the push is unavailable: no EventSource in this browser, or a
// stream the server refused (then it retries now and then and stops polling once it opens).
// While the server cannot be reached at all, it neither polls nor refreshes (a refresh would
// replace the page with the browser's error page); the browser reconnects by itself.
// The state is on <html data-live="…"> ("connecting", "open", "polling") for tests.
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { concernsPage, LIVE_EVENT_NAME, parseLiveEvent } from "@/lib/live/live-event";

/** Events arriving together (a decision, its history and its notification) make one refresh. */
const REFRESH_DEBOUNCE_MS = 200;
/** Where the push is unavailable: how often the page re-renders instead. */
const FALLBACK_REFRESH_MS = 10_000;
/** After the server refused the stream: when to try it again. */
const REOPEN_AFTER_MS = 30_000;

type LiveState = "connecting" | "open" | "polling";

function showState(state: LiveState) {
  document.documentElement.dataset.live = state;
}

export function LiveUpdates() {
  const router = useRouter();
  const pathname = usePathname();
  const pathnameRef = useRef(pathname);
  useEffect(() => {
    pathnameRef.current = pathname;
  }, [pathname]);

  useEffect(() => {
    let refreshTimer: ReturnType<typeof setTimeout> | undefined;
    let fallbackTimer: ReturnType<typeof setInterval> | undefined;
    let reopenTimer: ReturnType<typeof setTimeout> | undefined;
    let source: EventSource | null = null;

    const refreshSoon = () => {
      clearTimeout(refreshTimer);
      refreshTimer = setTimeout(() => router.refresh(), REFRESH_DEBOUNCE_MS);
    };
    const startPolling = () => {
      showState("polling");
      fallbackTimer ??= setInterval(() => router.refresh(), FALLBACK_REFRESH_MS);
    };
    const stopPolling = () => {
      clearInterval(fallbackTimer);
      fallbackTimer = undefined;
    };

    const open = () => {
      showState("connecting");
      const current = new EventSource("/api/live");
      source = current;
      current.addEventListener("open", () => {
        stopPolling();
        showState("open");
      });
      current.addEventListener(LIVE_EVENT_NAME, (message) => {
        const event = parseLiveEvent((message as MessageEvent<unknown>).data);
        if (event && concernsPage(event, pathnameRef.current)) refreshSoon();
      });
      current.addEventListener("error", () => {
        if (current.readyState !== EventSource.CLOSED) {
          // Dropped or unreachable: the browser reconnects by itself after the server's `retry:`.
          if (!fallbackTimer) showState("connecting");
          return;
        }
        // Refused (an ended session is sent to sign in, which is no event stream): re-render,
        // which shows the sign-in when that is why; poll meanwhile and try the stream again later.
        current.close();
        refreshSoon();
        startPolling();
        reopenTimer = setTimeout(open, REOPEN_AFTER_MS);
      });
    };

    if (typeof EventSource === "undefined") startPolling();
    else open();

    return () => {
      source?.close();
      clearTimeout(refreshTimer);
      clearTimeout(reopenTimer);
      stopPolling();
      delete document.documentElement.dataset.live;
    };
  }, [router]);

  return null;
}
