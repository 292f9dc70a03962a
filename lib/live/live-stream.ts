// The event stream of GET /api/live for one signed-in person (docs/domain.md §9 "Live pages",
// decision 014): Server-Sent Events fed by this process's hub, starting with a `resync`. The stream carries only what
// lib/live/recipients.ts lets this person have, and only while their session lasts: the
// session's row is read again before every delivery and at every heartbeat (without counting
// as use), and an ended session ends the stream — the browser's reconnection then meets the
// sign-in like any other request.
import "server-only";
import type { CurrentUser } from "@/lib/auth/guards";
import { findSessionUser } from "@/lib/auth/sessions";
import { systemClock } from "@/lib/clock";
import { liveHub, type LiveHub, type LiveSubscriber } from "@/lib/live/live-hub";
import { formatLiveEvent } from "@/lib/live/live-event";
import type { RequestViewer } from "@/lib/requests/state-machine";

/** Comment lines at this interval keep proxies and load balancers from closing an idle stream. */
export const HEARTBEAT_MS = 20_000;

/** How long the browser waits before reconnecting after the stream drops (the SSE `retry:` field). */
export const RECONNECT_AFTER_MS = 1_000;

/** The person behind the stream now: null when their session has ended; throws when unknown. */
export type ViewerCheck = () => Promise<RequestViewer | null>;

export type LiveStreamOptions = { hub?: LiveHub; heartbeatMs?: number; checkViewer?: ViewerCheck };

function sessionCheck(user: CurrentUser): ViewerCheck {
  return async () => {
    const account = await findSessionUser(user.sessionId, user.id, systemClock, { touch: false });
    return account ? { id: account.id, role: account.role, managerId: account.manager?.id ?? null } : null;
  };
}

/** One session check at a time: deliveries arriving together share it. */
function sharedCheck(check: ViewerCheck): ViewerCheck {
  let running: Promise<RequestViewer | null> | null = null;
  return () => {
    running ??= check().finally(() => {
      running = null;
    });
    return running;
  };
}

const streamHeaders = {
  "Content-Type": "text/event-stream; charset=utf-8",
  // no-transform: Next's compression (and any proxy honouring it) must not buffer the stream.
  "Cache-Control": "no-cache, no-store, no-transform",
  Connection: "keep-alive",
  // nginx: pass events on as they come instead of buffering the response.
  "X-Accel-Buffering": "no",
};

/** The streaming response; it ends when the browser leaves (`signal`), or when the session ends. */
export function liveEventStream(user: CurrentUser, signal: AbortSignal, options: LiveStreamOptions = {}): Response {
  const hub = options.hub ?? liveHub();
  if (!hub.accepting) {
    // Shutting down: no resync (the page would re-render against a server about to go), and
    // the connection closes, so the browser's reconnections do not keep it open; they reach
    // whichever process answers next.
    return new Response(`retry: ${RECONNECT_AFTER_MS}\n\n`, { headers: { ...streamHeaders, Connection: "close" } });
  }
  const heartbeatMs = options.heartbeatMs ?? HEARTBEAT_MS;
  const check = sharedCheck(options.checkViewer ?? sessionCheck(user));
  const encoder = new TextEncoder();
  let close = () => {};

  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      let unsubscribe = () => {};
      const subscriber: LiveSubscriber = {
        viewer: { id: user.id, role: user.role, managerId: user.managerId },
        deliver: (event) => {
          // Delivered only to a session known to be live now (unknown: not delivered; the
          // page is right again on its next load or the next event).
          void stillSignedIn().then((live) => {
            if (live === true) write(formatLiveEvent(event));
          });
        },
        end: () => close(),
      };
      const heartbeat = setInterval(() => {
        write(": heartbeat\n\n");
        void stillSignedIn();
      }, heartbeatMs);

      function write(text: string) {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close();
        }
      }
      /** Whether the session still counts, with the viewer kept current; "unknown" when the database did not answer. */
      async function stillSignedIn(): Promise<boolean | "unknown"> {
        try {
          const viewer = await check();
          if (!viewer) {
            close();
            return false;
          }
          subscriber.viewer = viewer;
          return true;
        } catch {
          return "unknown";
        }
      }
      close = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        unsubscribe();
        signal.removeEventListener("abort", close);
        try {
          controller.close();
        } catch {
          // already closed by the browser leaving
        }
      };

      // The reconnection delay, and a first line so the response starts at once.
      write(`retry: ${RECONNECT_AFTER_MS}\n: live\n\n`);
      if (!closed) unsubscribe = hub.subscribe(subscriber);
      // Changes made before this stream existed (since the page was rendered, or while the
      // browser was reconnecting) were never pushed: the page re-renders once, now that every
      // later change will be.
      write(formatLiveEvent({ type: "resync" }));
      if (signal.aborted) close();
      else signal.addEventListener("abort", close);
    },
    cancel() {
      close();
    },
  });

  return new Response(body, { headers: streamHeaders });
}
