// The live-pages hub of one web process (docs/domain.md §9 "Live pages", decision 014): one
// dedicated PostgreSQL connection LISTENs on the channel the triggers NOTIFY, and each committed
// change is fanned out to the event streams of this process whose viewer may see it
// (lib/live/recipients.ts). Every web process has its own hub, so a change committed through
// any process, or by the worker, reaches the browsers connected to all of them.
//
// The connection is opened with the first stream and kept. When it drops (the database
// restarted, the backend was terminated, the network failed), the hub reconnects with
// exponential backoff (lib/platform/listen-connection.ts, shared with the worker's outbox relay)
// and then tells every stream to re-render once (`resync`), since changes committed while it
// was not listening were never delivered.
import "server-only";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { LIVE_CHANNEL, parseLiveChange, type LiveChange } from "@/lib/live/live-change";
import type { LiveEvent } from "@/lib/live/live-event";
import { liveEventFor } from "@/lib/live/recipients";
import { logger } from "@/lib/observability/logger";
import { ListenConnection } from "@/lib/platform/listen-connection";
import type { RequestParties, RequestViewer } from "@/lib/requests/state-machine";

/**
 * One connected event stream: who is watching (kept current by the stream), where events go,
 * and how to end it (the process is shutting down).
 */
export type LiveSubscriber = { viewer: RequestViewer; deliver: (event: LiveEvent) => void; end?: () => void };

export type LiveHubOptions = {
  databaseUrl: string;
  /** The request's parties as committed; null when there is no such request. */
  loadParties?: (requestId: number) => Promise<RequestParties | null>;
  /** Reconnection delays: the first, doubling up to the last. */
  backoff?: { firstMs: number; maxMs: number };
  /** How often the idle connection is probed, so a silently dead one is noticed. */
  probeMs?: number;
  log?: (message: string) => void;
};

async function loadPartiesFromDatabase(requestId: number): Promise<RequestParties | null> {
  return prisma.request.findUnique({ where: { id: requestId }, select: { type: true, status: true, applicantId: true, managerId: true } });
}

export class LiveHub {
  private readonly subscribers = new Set<LiveSubscriber>();
  private readonly options: Required<LiveHubOptions>;
  private readonly connection: ListenConnection;
  private stopped = false;
  /** Changes are handled one after the other, so each stream gets them in commit order. */
  private dispatching: Promise<void> = Promise.resolve();

  constructor(options: LiveHubOptions) {
    this.options = {
      loadParties: loadPartiesFromDatabase,
      backoff: { firstMs: 250, maxMs: 10_000 },
      probeMs: 30_000,
      log: (message) => logger.warn(`live pages: ${message}`),
      ...options,
    };
    this.connection = new ListenConnection({
      databaseUrl: this.options.databaseUrl,
      channel: LIVE_CHANNEL,
      applicationName: "cook-droogers live",
      backoff: this.options.backoff,
      probeMs: this.options.probeMs,
      log: this.options.log,
      onNotification: (payload) => {
        this.dispatching = this.dispatching.then(() => this.dispatch(payload));
      },
      // Changes committed while nobody listened were lost (the connection was down, or not yet
      // up for streams that came first): every page re-renders once.
      onListening: () => this.broadcast({ type: "resync" }),
    });
  }

  /** Adds a stream (connecting on the first); returns how to remove it. */
  subscribe(subscriber: LiveSubscriber): () => void {
    this.subscribers.add(subscriber);
    this.start();
    return () => {
      this.subscribers.delete(subscriber);
    };
  }

  /** False once stopped (the process is shutting down): new streams are ended at once. */
  get accepting(): boolean {
    return !this.stopped;
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  /** The PostgreSQL backend of the LISTEN connection while it listens (tests and diagnostics). */
  get backendPid(): number | null {
    return this.connection.backendPid;
  }

  /** Resolves once the connection LISTENs (at once when it already does). */
  listening(): Promise<void> {
    return this.connection.listening();
  }

  start(): void {
    if (!this.stopped) this.connection.start();
  }

  /** Ends every stream and closes the connection (shutting down; tests). */
  async stop(): Promise<void> {
    this.stopped = true;
    const subscribers = [...this.subscribers];
    this.subscribers.clear();
    for (const subscriber of subscribers) subscriber.end?.();
    await this.connection.stop();
  }

  private async dispatch(payload: string | undefined): Promise<void> {
    const change = parseLiveChange(payload);
    if (!change) {
      this.options.log(`ignored a notification that is not a live change (${String(payload).slice(0, 100)})`);
      return;
    }
    if (this.subscribers.size === 0) return;
    let parties: RequestParties | null = null;
    try {
      parties = await this.partiesOf(change);
    } catch (error) {
      // Nobody can be shown to be allowed: tell nobody (their next page load is still right).
      this.options.log(`could not read request parties: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    for (const subscriber of this.subscribers) {
      const event = liveEventFor(change, subscriber.viewer, parties);
      if (event) this.deliver(subscriber, event);
    }
  }

  private partiesOf(change: LiveChange): Promise<RequestParties | null> {
    return change.kind === "request" ? this.options.loadParties(change.requestId) : Promise.resolve(null);
  }

  private broadcast(event: LiveEvent): void {
    for (const subscriber of this.subscribers) this.deliver(subscriber, event);
  }

  private deliver(subscriber: LiveSubscriber, event: LiveEvent): void {
    try {
      subscriber.deliver(event);
    } catch (error) {
      this.options.log(`a stream refused an event: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

const globalForLive = globalThis as unknown as { cookDroogersLiveHub?: LiveHub };

/** This process's hub (one LISTEN connection per web process). */
export function liveHub(): LiveHub {
  if (!globalForLive.cookDroogersLiveHub) {
    const hub = new LiveHub({ databaseUrl: env().DATABASE_URL });
    globalForLive.cookDroogersLiveHub = hub;
    // Next's own SIGTERM/SIGINT handling stops the server and waits for every response to end;
    // an event stream never would, so the streams end here (browsers reconnect to whichever
    // process serves next). Only inside Next, whose handlers already keep a signal from
    // ending the process by default.
    if (process.env.NEXT_RUNTIME === "nodejs") {
      for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void hub.stop());
    }
  }
  return globalForLive.cookDroogersLiveHub;
}
