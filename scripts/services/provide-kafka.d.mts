// Types of provide-kafka.mjs, for the TypeScript tests that start a broker of their own.
export function startKafkaBroker(
  root: string,
  purpose: string,
  options: { fresh: boolean; timings: [string, number][] },
): Promise<{ brokers: string; stop: () => Promise<unknown> }>;
