// The services of `npm test`'s integration and e2e tiers, provided on first need (typecheck, lint
// and unit tests need none): PostgreSQL, a fresh Kafka broker and the statistics stand-in.
import { runChild } from "./child-processes.mjs";
import { HarnessError, note } from "./console-output.mjs";
import { ensureRunning, registerCleanup } from "./lifecycle.mjs";
import { startKafkaBroker } from "./provide-kafka.mjs";
import { databaseUrl, providePostgresServer, recreateDatabase } from "./provide-postgres.mjs";
import { startStatsService } from "./start-stats-service.mjs";

let servicesPromise;

/** The services, started once per run: `{ serverUrl, brokers, statsUrl }`. */
export function testServices(root, timings) {
  servicesPromise ??= provideTestServices(root, timings);
  return servicesPromise;
}

async function provideTestServices(root, timings) {
  let serverUrl;
  if (process.env.DATABASE_URL) note("PostgreSQL: using DATABASE_URL as it is (no fresh database)");
  else {
    const server = await providePostgresServer(root, "test");
    registerCleanup("PostgreSQL", server.stop);
    serverUrl = server.serverUrl;
    note(`PostgreSQL: ${server.description}`);
  }
  ensureRunning();
  let brokers = process.env.KAFKA_BROKERS;
  if (brokers) note(`Kafka: using KAFKA_BROKERS=${brokers}`);
  else {
    const broker = await startKafkaBroker(root, "test", { fresh: true, timings });
    registerCleanup("Kafka", broker.stop);
    brokers = broker.brokers;
  }
  ensureRunning();
  let statsUrl = process.env.STATS_SERVICE_URL;
  if (!statsUrl) {
    const stats = await startStatsService(root, 4110);
    registerCleanup("statistics stand-in", stats.stop);
    statsUrl = stats.url;
  }
  return { serverUrl, brokers, statsUrl };
}

/** A fresh, migrated database `name` (or DATABASE_URL untouched when it was given). */
export async function prepareDatabase(root, services, name, env) {
  let url = process.env.DATABASE_URL;
  if (!url) {
    await recreateDatabase(services.serverUrl, name);
    url = databaseUrl(services.serverUrl, name);
  }
  const migrate = await runChild("migrate", "npm", ["run", "--silent", "db:migrate"], { cwd: root, env: { ...env, DATABASE_URL: url } });
  if (!migrate.ok) throw new HarnessError(`npm run db:migrate failed on ${name} (${migrate.exit})`);
  return url;
}

/** The environment of a tier that talks to the services; each tier gets its own topic prefix. */
export function serviceEnv(services, topicPrefix) {
  const env = { ...process.env, KAFKA_BROKERS: services.brokers, KAFKA_TOPIC_PREFIX: topicPrefix, STATS_SERVICE_URL: services.statsUrl };
  // Every test signs people in and registers them from one address: raise the per-address
  // limits (docs/domain.md §11), never the per-account one, which the tests rely on.
  env.SIGNIN_MAX_FAILURES_PER_ADDRESS ??= "100000";
  env.REGISTRATIONS_PER_ADDRESS_PER_HOUR ??= "100000";
  delete env.NODE_ENV; // each runner sets its own (vitest: test, next start: production)
  // A test run is not a deployment: its `next start` keeps the development defaults (decision 010).
  env.APP_ENV ??= "development";
  return env;
}
