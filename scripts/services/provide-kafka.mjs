// A single-node Kafka 4.1.1 broker (KRaft, broker and controller in one JVM) for the harness:
// jars fetched once by Maven into .cache/kafka, data under .data/kafka-<purpose>.
import { randomBytes } from "node:crypto";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { awaitReady, startChild, stopChild } from "./child-processes.mjs";
import { HarnessError, formatDuration, note } from "./console-output.mjs";
import { findFreePort } from "./find-free-port.mjs";

const kafkaVersion = "4.1.1";
const readyTimeoutMs = 90_000;

function commandWorks(command, args) {
  const result = spawnSync(command, args, { stdio: "ignore" });
  return !result.error && result.status === 0;
}

/** Fetches the broker's jars unless a complete earlier fetch is cached. */
export function ensureKafkaJars(root) {
  const cache = path.join(root, ".cache", "kafka");
  const libs = path.join(cache, "libs");
  const completeMarker = path.join(cache, `complete-${kafkaVersion}`);
  if (existsSync(completeMarker) && existsSync(path.join(libs, `kafka_2.13-${kafkaVersion}.jar`))) {
    return { libs, fetched: false, durationMs: 0 };
  }
  if (!commandWorks("mvn", ["-v"])) {
    throw new HarnessError("Kafka: `mvn` is not installed, so the broker cannot be fetched (apt-get install -y maven); or set KAFKA_BROKERS");
  }
  note(`Kafka: fetching the ${kafkaVersion} broker with Maven into .cache/kafka (once)`);
  const startedAt = Date.now();
  mkdirSync(cache, { recursive: true });
  // Fetch into a scratch folder first, so an interrupted download is never taken for a cache.
  const partial = path.join(cache, "libs.partial");
  rmSync(partial, { recursive: true, force: true });
  const logFile = path.join(cache, "mvn.log");
  const result = spawnSync(
    "mvn",
    [
      "-q",
      "-B",
      "-f",
      path.join(root, "scripts", "kafka", "pom.xml"),
      "dependency:copy-dependencies",
      "-DincludeScope=runtime",
      `-DoutputDirectory=${partial}`,
    ],
    { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: process.env },
  );
  writeFileSync(logFile, `${result.stdout ?? ""}${result.stderr ?? ""}`);
  if (result.status !== 0 || !existsSync(path.join(partial, `kafka_2.13-${kafkaVersion}.jar`))) {
    throw new HarnessError(`Kafka: Maven could not fetch the broker (exit ${result.status}); see .cache/kafka/mvn.log`);
  }
  rmSync(libs, { recursive: true, force: true });
  renameSync(partial, libs);
  writeFileSync(completeMarker, new Date().toISOString());
  return { libs, fetched: true, durationMs: Date.now() - startedAt };
}

/** A KRaft cluster id: 16 random bytes in URL-safe base64; Kafka rejects ids starting with "-". */
function clusterId() {
  for (;;) {
    const id = randomBytes(16).toString("base64url");
    if (!id.startsWith("-")) return id;
  }
}

function brokerProperties({ dataDirectory, brokerPort, controllerPort }) {
  return [
    "process.roles=broker,controller",
    "node.id=1",
    `controller.quorum.voters=1@127.0.0.1:${controllerPort}`,
    `listeners=PLAINTEXT://127.0.0.1:${brokerPort},CONTROLLER://127.0.0.1:${controllerPort}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${brokerPort}`,
    "controller.listener.names=CONTROLLER",
    "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
    `log.dirs=${dataDirectory}`,
    "num.partitions=3",
    "auto.create.topics.enable=true",
    "offsets.topic.replication.factor=1",
    "offsets.topic.num.partitions=3",
    "transaction.state.log.replication.factor=1",
    "transaction.state.log.min.isr=1",
    "share.coordinator.state.topic.replication.factor=1",
    "share.coordinator.state.topic.min.isr=1",
    "group.initial.rebalance.delay.ms=0",
    "",
  ].join("\n");
}

const log4jProperties = [
  "log4j.rootLogger=WARN, stdout",
  "log4j.appender.stdout=org.apache.log4j.ConsoleAppender",
  "log4j.appender.stdout.layout=org.apache.log4j.PatternLayout",
  "log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n",
  "log4j.logger.kafka.server.KafkaRaftServer=INFO",
  // Warns on every clean shutdown that a client was already closed: noise, not news.
  "log4j.logger.org.apache.kafka.clients.NetworkClient=ERROR",
  "",
].join("\n");

// Parts of Kafka 4 also initialise Log4j 2; without a configuration it complains on stderr.
const log4j2Properties = [
  "status=warn",
  "appender.console.type=Console",
  "appender.console.name=STDOUT",
  "appender.console.layout.type=PatternLayout",
  "appender.console.layout.pattern=[%d] %p %m (%c)%n",
  "rootLogger.level=warn",
  "rootLogger.appenderRef.stdout.ref=STDOUT",
  "",
].join("\n");

async function brokerAnswers(brokers) {
  const { Kafka, logLevel } = (await import("kafkajs")).default;
  const admin = new Kafka({
    clientId: "cookdroogers-harness",
    brokers: [brokers],
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1_000,
    requestTimeout: 3_000,
    retry: { retries: 0 },
  }).admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    return cluster.brokers.length > 0 && cluster.controller !== null && cluster.controller !== -1;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => {});
  }
}

/**
 * Starts a broker for `purpose`. `fresh` wipes its data first (tests); otherwise topics and offsets
 * survive between runs (npm start). Returns the bootstrap address and a stop function.
 */
export async function startKafkaBroker(root, purpose, { fresh, timings }) {
  if (!commandWorks("java", ["-version"])) {
    throw new HarnessError("Kafka: `java` is not installed, so no broker can run here (apt-get install -y openjdk-17-jre-headless); or set KAFKA_BROKERS");
  }
  const jars = ensureKafkaJars(root);
  if (jars.fetched) timings.push(["kafka fetch", jars.durationMs]);

  const home = path.join(root, ".data", `kafka-${purpose}`);
  const dataDirectory = path.join(home, "data");
  if (fresh) rmSync(home, { recursive: true, force: true });
  mkdirSync(home, { recursive: true });

  // Keep the ports of the previous run when free: a formatted KRaft log remembers its listeners.
  const portsFile = path.join(home, "ports.json");
  const previous = existsSync(portsFile) ? JSON.parse(readFileSync(portsFile, "utf8")) : {};
  const brokerPort = await findFreePort(previous.brokerPort);
  const controllerPort = await findFreePort(previous.controllerPort, [brokerPort]);
  writeFileSync(portsFile, JSON.stringify({ brokerPort, controllerPort }));

  const propertiesFile = path.join(home, "server.properties");
  const log4jFile = path.join(home, "log4j.properties");
  const log4j2File = path.join(home, "log4j2.properties");
  writeFileSync(propertiesFile, brokerProperties({ dataDirectory, brokerPort, controllerPort }));
  writeFileSync(log4jFile, log4jProperties);
  writeFileSync(log4j2File, log4j2Properties);

  const classpath = `${jars.libs}/*`;
  const javaOptions = [`-Dlog4j.configuration=file:${log4jFile}`, `-Dlog4j2.configurationFile=${log4j2File}`];
  const startedAt = Date.now();

  if (!existsSync(path.join(dataDirectory, "meta.properties"))) {
    const format = spawnSync(
      "java",
      [...javaOptions, "-cp", classpath, "kafka.tools.StorageTool", "format", "-t", clusterId(), "-c", propertiesFile],
      { cwd: home, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: process.env },
    );
    if (format.status !== 0) {
      const output = `${format.stdout ?? ""}${format.stderr ?? ""}`.trim().split("\n").filter(Boolean);
      throw new HarnessError(`Kafka: formatting the storage failed: ${output.at(-1) ?? `exit ${format.status}`}`);
    }
  }

  const broker = await startChild("kafka", "java", ["-Xmx512m", "-Xms256m", ...javaOptions, "-cp", classpath, "kafka.Kafka", propertiesFile], {
    cwd: home,
    kind: "service",
    env: process.env,
  });
  const brokers = `127.0.0.1:${brokerPort}`;
  await awaitReady(broker, () => brokerAnswers(brokers), { what: `Kafka: the broker on ${brokers}`, timeoutMs: readyTimeoutMs });
  const durationMs = Date.now() - startedAt;
  timings.push(["kafka start", durationMs]);
  note(`Kafka: broker ready on ${brokers} in ${formatDuration(durationMs)} (data in ${path.relative(root, home)})`);

  // A clean shutdown of a single-node KRaft broker can take a few seconds; give it twenty.
  return { brokers, stop: () => stopChild(broker, 20_000) };
}
