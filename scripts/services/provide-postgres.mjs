// PostgreSQL for the harness: the local server on 127.0.0.1:5432 when it answers, else a private
// server started from the installed binaries with its data under .data/postgres/<purpose>.
import { spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { HarnessError, note, warn } from "./console-output.mjs";
import { findFreePort } from "./find-free-port.mjs";

const localServerUrl = "postgresql://postgres@127.0.0.1:5432/postgres";

async function loadPg() {
  const imported = await import("pg");
  return imported.default ?? imported;
}

/** Connects to `serverUrl` and runs `work(client)`; the client is always closed. */
async function withClient(serverUrl, work) {
  const pg = await loadPg();
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 3_000 });
  client.on("error", () => {}); // a server shutting down must not crash the harness
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => {});
  }
}

async function answers(serverUrl) {
  try {
    await withClient(serverUrl, (client) => client.query("SELECT 1"));
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message.split("\n")[0] : String(error) };
  }
}

function findBinaries() {
  const base = "/usr/lib/postgresql";
  const versions = existsSync(base)
    ? readdirSync(base)
        .filter((entry) => existsSync(path.join(base, entry, "bin", "pg_ctl")) && existsSync(path.join(base, entry, "bin", "initdb")))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return versions.length > 0 ? path.join(base, versions[0], "bin") : undefined;
}

/** initdb refuses to run as root, so the private server belongs to the `postgres` OS user then. */
function commandRunner() {
  const isRoot = process.getuid?.() === 0;
  if (!isRoot) return { run: (command, args) => [command, args], owner: undefined };
  const user = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
  const group = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
  if (user.status !== 0) {
    throw new HarnessError("PostgreSQL: running as root but there is no `postgres` OS user to own a private server; set DATABASE_URL");
  }
  const runuser = existsSync("/usr/sbin/runuser") ? "/usr/sbin/runuser" : "runuser";
  return {
    run: (command, args) => [runuser, ["-u", "postgres", "--", command, ...args]],
    owner: { uid: Number(user.stdout.trim()), gid: Number(group.stdout.trim()) },
  };
}

function execute(runner, command, args) {
  const [program, programArgs] = runner.run(command, args);
  const result = spawnSync(program, programArgs, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: process.env });
  return { ok: result.status === 0, output: `${result.stdout ?? ""}${result.stderr ?? ""}`.trim(), error: result.error };
}

function lastLine(text) {
  return text.split("\n").filter(Boolean).at(-1) ?? "no output";
}

/** A stale server of a run that crashed still holds the data directory: stop it. */
function stopLeftoverServer(runner, binaries, dataDirectory) {
  const pidFile = path.join(dataDirectory, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  try {
    process.kill(pid, 0);
  } catch {
    return; // the server removes a stale pid file itself when it starts
  }
  note(`PostgreSQL: stopping the private server left running by an earlier run (pid ${pid})`);
  execute(runner, path.join(binaries, "pg_ctl"), ["-D", dataDirectory, "-m", "fast", "-w", "-t", "30", "stop"]);
}

export async function startPrivateServer(root, purpose) {
  const binaries = findBinaries();
  if (!binaries) {
    throw new HarnessError(
      "PostgreSQL: nothing answers on 127.0.0.1:5432 and no server binaries were found in /usr/lib/postgresql/*/bin (apt-get install -y postgresql); or set DATABASE_URL",
    );
  }
  const runner = commandRunner();
  const home = path.join(root, ".data", "postgres", purpose);
  const dataDirectory = path.join(home, "data");
  mkdirSync(home, { recursive: true });
  if (runner.owner) chownSync(home, runner.owner.uid, runner.owner.gid);

  stopLeftoverServer(runner, binaries, dataDirectory);

  if (!existsSync(path.join(dataDirectory, "PG_VERSION"))) {
    note(`PostgreSQL: creating a private cluster in ${path.relative(root, dataDirectory)}`);
    const init = execute(runner, path.join(binaries, "initdb"), ["-D", dataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale"]);
    if (!init.ok) throw new HarnessError(`PostgreSQL: initdb failed: ${init.error?.message ?? lastLine(init.output)}`);
  }

  // Reuse the previous port when it is still free, so a developer's tools keep working.
  const portFile = path.join(home, "port");
  const previousPort = existsSync(portFile) ? Number(readFileSync(portFile, "utf8")) : 55432;
  const port = await findFreePort(previousPort);
  writeFileSync(portFile, String(port));
  if (runner.owner) chownSync(portFile, runner.owner.uid, runner.owner.gid);

  const logFile = path.join(home, "server.log");
  const started = execute(runner, path.join(binaries, "pg_ctl"), [
    "-D",
    dataDirectory,
    "-l",
    logFile,
    "-w",
    "-t",
    "60",
    // TCP only: no socket directory that might not exist or be writable on this machine.
    "-o",
    `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''`,
    "start",
  ]);
  if (!started.ok) {
    throw new HarnessError(`PostgreSQL: the private server did not start (${lastLine(started.output)}); see ${path.relative(root, logFile)}`);
  }
  note(`PostgreSQL: private server on 127.0.0.1:${port} (data in ${path.relative(root, dataDirectory)})`);

  const stop = async () => {
    const stopped = execute(runner, path.join(binaries, "pg_ctl"), ["-D", dataDirectory, "-m", "fast", "-w", "-t", "30", "stop"]);
    if (!stopped.ok) warn(`PostgreSQL: pg_ctl stop failed: ${lastLine(stopped.output)}`);
  };
  return { serverUrl: `postgresql://postgres@127.0.0.1:${port}/postgres`, description: `private server on port ${port}`, stop };
}

/**
 * A PostgreSQL server for `purpose` (start, test). Returns the URL of its maintenance database and
 * a stop function (a no-op for a server this harness did not start).
 */
export async function providePostgresServer(root, purpose) {
  const local = await answers(localServerUrl);
  if (local.ok) return { serverUrl: localServerUrl, description: "local server 127.0.0.1:5432", stop: async () => {} };
  note(`PostgreSQL: 127.0.0.1:5432 does not answer (${local.reason}); starting a private server`);
  return startPrivateServer(root, purpose);
}

/** The URL of database `name` on the server of `serverUrl`. */
export function databaseUrl(serverUrl, name) {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

const quoteName = (name) => `"${name.replaceAll('"', '""')}"`;
const dropStatement = (name) => `DROP DATABASE IF EXISTS ${quoteName(name)} WITH (FORCE)`;

/** Drops database `name` (closing its connections) and creates it empty. */
export async function recreateDatabase(serverUrl, name) {
  await withClient(serverUrl, async (client) => {
    await client.query(dropStatement(name));
    await client.query(`CREATE DATABASE ${quoteName(name)}`);
  });
}

/** Drops database `name` when it exists, closing its connections. */
export async function dropDatabase(serverUrl, name) {
  await withClient(serverUrl, (client) => client.query(dropStatement(name)));
}
