// The fault script's timetable (npm run chaos): which fault happens when and for how long, drawn
// from a seed so a run can be repeated with the same schedule. Pure; the faults are done by
// run-chaos.ts.

export type Fault =
  | { kind: "kill-worker"; atMs: number; victim: number }
  | { kind: "broker-outage"; atMs: number; downMs: number }
  | { kind: "postgres-restart"; atMs: number; downMs: number };

export type ScheduleOptions = {
  seed: number;
  workerKills: number;
  brokerOutages: number;
  postgresRestarts: number;
  /** Broker down time, ms (inclusive range). */
  brokerDownMs: [number, number];
  /** PostgreSQL down time between the immediate stop and the start, ms. */
  postgresDownMs: [number, number];
  /** Pause after a fault ended before the next one starts, ms. */
  gapMs: [number, number];
};

export const DEFAULT_SCHEDULE: Omit<ScheduleOptions, "seed"> = {
  workerKills: 3,
  brokerOutages: 1,
  postgresRestarts: 1,
  brokerDownMs: [10_000, 30_000],
  postgresDownMs: [2_000, 8_000],
  gapMs: [4_000, 10_000],
};

/** mulberry32: a small seeded generator of numbers in [0, 1); the same seed, the same sequence. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function between(random: () => number, [low, high]: [number, number]): number {
  return Math.round(low + random() * (high - low));
}

/**
 * The faults in a seeded order, one after the other: each starts a gap after the previous one
 * ended (a worker kill ends at once; an outage when the service is started again), so the
 * effect of each can be told apart in the logs. `victim` picks among the workers alive then.
 */
export function planFaults(options: ScheduleOptions): Fault[] {
  const random = seededRandom(options.seed);
  const kinds: Fault["kind"][] = [
    ...Array<Fault["kind"]>(options.workerKills).fill("kill-worker"),
    ...Array<Fault["kind"]>(options.brokerOutages).fill("broker-outage"),
    ...Array<Fault["kind"]>(options.postgresRestarts).fill("postgres-restart"),
  ];
  for (let index = kinds.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [kinds[index], kinds[other]] = [kinds[other] as Fault["kind"], kinds[index] as Fault["kind"]];
  }
  const faults: Fault[] = [];
  let at = between(random, options.gapMs);
  for (const kind of kinds) {
    if (kind === "kill-worker") {
      faults.push({ kind, atMs: at, victim: random() });
      at += between(random, options.gapMs);
    } else {
      const downMs = between(random, kind === "broker-outage" ? options.brokerDownMs : options.postgresDownMs);
      faults.push({ kind, atMs: at, downMs });
      at += downMs + between(random, options.gapMs);
    }
  }
  return faults;
}

export function describeFault(fault: Fault): string {
  const at = `t+${(fault.atMs / 1000).toFixed(1)} s`;
  if (fault.kind === "kill-worker") return `${at}: SIGKILL a worker, start a replacement`;
  const what = fault.kind === "broker-outage" ? "stop the Kafka broker" : "stop PostgreSQL (immediate)";
  return `${at}: ${what}, start it again ${(fault.downMs / 1000).toFixed(1)} s later`;
}
