// The live-pages hub of one web process (docs/domain.md §9 "Live pages", decision 014): one
// dedicated PostgreSQL connection LISTENs on the channel the triggers NOTIFY, and each committed
// change is fanned out to the event streams of this process whose viewer may see it
// (lib/live/recipients.ts). Every web process has its own hub, so a change committed through
// any process, or by the worker, reaches the browsers connected to all of them.
//
// The connection is opened with the first stream and kept. When it drops (the database
// restarted, the backend was terminated, the network failed), the hub reconnects with
// exponential backoff and then tells every stream to re-render once (`resync`), since changes
// committed while it was not listening were never delivered.
import "server-only";
import pg from "pg";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { LIVE_CHANNEL, parseLiveChange, type LiveChange } from "@/lib/live/live-change";
import type { LiveEvent } from "@/lib/live/live-event";
import { liveEventFor } from "@/lib/live/recipients";
import { logger } from "@/lib/observability/logger";
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
  private client: pg.Client | null = null;
  private pid: number | null = null;
  private started = false;
  private stopped = false;
  private failures = 0;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private probeTimer: NodeJS.Timeout | null = null;
  private listeningWaiters: (() => void)[] = [];
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
    return this.pid;
  }

  /** Resolves once the connection LISTENs (at once when it already does). */
  listening(): Promise<void> {
    if (this.pid !== null) return Promise.resolve();
    this.start();
    return new Promise((resolve) => this.listeningWaiters.push(resolve));
  }

  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    void this.connect();
  }

  /** Ends every stream and closes the connection (shutting down; tests). */
  async stop(): Promise<void> {
    this.stopped = true;
    const subscribers = [...this.subscribers];
    this.subscribers.clear();
    for (const subscriber of subscribers) subscriber.end?.();
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    if (this.probeTimer) clearInterval(this.probeTimer);
    const client = this.client;
    this.client = null;
    this.pid = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.options.databaseUrl,
      application_name: "cook-droogers live",
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      query_timeout: 10_000,
    });
    this.client = client;
    client.on("notification", (message) => {
      if (message.channel !== LIVE_CHANNEL) return;
      this.dispatching = this.dispatching.then(() => this.dispatch(message.payload));
    });
    client.on("error", (error) => this.dropped(client, error));
    client.on("end", () => this.dropped(client, null));
    try {
      await client.connect();
      await client.query(`LISTEN "${LIVE_CHANNEL}"`);
      const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
      if (this.client !== client) return; // dropped meanwhile; the reconnection is under way
      this.pid = rows[0]!.pid;
    } catch (error) {
      this.dropped(client, error);
      return;
    }
    this.failures = 0;
    this.probeTimer = setInterval(() => {
      client.query("SELECT 1").catch((error: unknown) => this.dropped(client, error));
    }, this.options.probeMs);
    this.probeTimer.unref();
    const waiters = this.listeningWaiters;
    this.listeningWaiters = [];
    for (const resolve of waiters) resolve();
    // Changes committed while nobody listened were lost (the connection was down, or not yet
    // up for streams that came first): every page re-renders once.
    this.broadcast({ type: "resync" });
  }

  /** The connection failed or ended: forget it and try again after the next backoff delay. */
  private dropped(client: pg.Client, error: unknown): void {
    if (this.client !== client) return; // an old connection's late event
    this.client = null;
    this.pid = null;
    if (this.probeTimer) clearInterval(this.probeTimer);
    this.probeTimer = null;
    client.removeAllListeners("notification");
    client.on("error", () => undefined); // a closing connection may still report; nobody listens
    void client.end().catch(() => undefined);
    if (this.stopped) return;
    const { firstMs, maxMs } = this.options.backoff;
    const delay = Math.min(maxMs, firstMs * 2 ** Math.min(this.failures, 20));
    this.failures += 1;
    this.options.log(`listen connection lost (${error instanceof Error ? error.message : "ended"}); reconnecting in ${delay} ms`);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      void this.connect();
    }, delay);
    this.reconnectTimer.unref();
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
