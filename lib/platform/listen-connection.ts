// One dedicated PostgreSQL connection that LISTENs on a channel and keeps doing so: when it
// drops (the database restarted, the backend was terminated, the network failed) it reconnects
// with exponential backoff, and an idle connection is probed now and then so that a silently
// dead one is noticed. Notifications sent while it was not listening are lost, so each time it
// listens (again) `onListening` runs, for the owner to catch up by reading what is committed.
// Used by the worker's outbox relay (decision 020) and the live-pages hub (lib/live/live-hub.ts).
import pg from "pg";

export type ListenConnectionOptions = {
  databaseUrl: string;
  channel: string;
  /** Shown in pg_stat_activity. */
  applicationName: string;
  onNotification: (payload: string | undefined) => void;
  /** Runs every time the connection listens: the first time and after each reconnection. */
  onListening?: () => void;
  /** Reconnection delays: the first, doubling up to the last. */
  backoff?: { firstMs: number; maxMs: number };
  /** How often the idle connection is probed. */
  probeMs?: number;
  log?: (message: string) => void;
};

export class ListenConnection {
  private readonly options: Required<Omit<ListenConnectionOptions, "onListening">> & Pick<ListenConnectionOptions, "onListening">;
  private client: pg.Client | null = null;
  private pid: number | null = null;
  private started = false;
  private stopped = false;
  private failures = 0;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private probeTimer: NodeJS.Timeout | null = null;
  private listeningWaiters: (() => void)[] = [];

  constructor(options: ListenConnectionOptions) {
    if (!/^[a-z_][a-z0-9_]*$/.test(options.channel)) throw new Error(`not a plain channel name: ${options.channel}`);
    this.options = { backoff: { firstMs: 250, maxMs: 10_000 }, probeMs: 30_000, log: () => undefined, ...options };
  }

  /** The PostgreSQL backend of the connection while it listens (tests and diagnostics). */
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

  async stop(): Promise<void> {
    this.stopped = true;
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
      application_name: this.options.applicationName,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      query_timeout: 10_000,
    });
    this.client = client;
    client.on("notification", (message) => {
      if (message.channel === this.options.channel) this.options.onNotification(message.payload);
    });
    client.on("error", (error) => this.dropped(client, error));
    client.on("end", () => this.dropped(client, null));
    try {
      await client.connect();
      await client.query(`LISTEN "${this.options.channel}"`);
      const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
      if (this.client !== client) return; // dropped or stopped meanwhile
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
    this.options.onListening?.();
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
    this.options.log(`listen connection on ${this.options.channel} lost (${error instanceof Error ? error.message : "ended"}); reconnecting in ${delay} ms`);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      void this.connect();
    }, delay);
    this.reconnectTimer.unref();
  }
}
