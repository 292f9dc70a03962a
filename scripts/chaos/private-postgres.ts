// A PostgreSQL server of the fault script's own (npm run chaos): a fresh cluster under
// .data/postgres/chaos-<run> on a free port, which the script may crash and start again without
// touching anyone's server. Same recipe as the harness's private server
// (scripts/services/provide-postgres.mjs), plus the immediate stop a crash needs.
import { spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import getPort from "get-port";

export type PrivatePostgres = {
  port: number;
  serverUrl: string;
  home: string;
  /** `pg_ctl stop -m immediate`: every backend killed at once, no checkpoint, recovery on the next start. */
  crash: () => void;
  start: () => void;
  /** Stops the server (if running) and deletes its cluster. */
  remove: () => void;
};

function findBinaries(): string {
  const base = "/usr/lib/postgresql";
  const versions = existsSync(base)
    ? readdirSync(base)
        .filter((entry) => existsSync(path.join(base, entry, "bin", "pg_ctl")) && existsSync(path.join(base, entry, "bin", "initdb")))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!versions[0]) throw new Error("no PostgreSQL server binaries in /usr/lib/postgresql/*/bin (apt-get install -y postgresql)");
  return path.join(base, versions[0], "bin");
}

/** initdb refuses to run as root: the cluster then belongs to the `postgres` OS user. */
function osUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const uid = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
  const gid = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
  if (uid.status !== 0) throw new Error("running as root but there is no `postgres` OS user to own a private server");
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

export async function startPrivatePostgres(root: string, name: string): Promise<PrivatePostgres> {
  const binaries = findBinaries();
  const owner = osUser();
  const home = path.join(root, ".data", "postgres", name);
  const dataDirectory = path.join(home, "data");
  rmSync(home, { recursive: true, force: true });
  mkdirSync(home, { recursive: true });
  if (owner) chownSync(home, owner.uid, owner.gid);

  const run = (command: string, args: string[]) => {
    const [program, programArgs] = owner
      ? ["runuser", ["-u", "postgres", "--", path.join(binaries, command), ...args]]
      : [path.join(binaries, command), args];
    const result = spawnSync(program, programArgs as string[], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    if (result.status !== 0) {
      const output = `${result.stdout ?? ""}${result.stderr ?? ""}`.trim().split("\n").filter(Boolean);
      throw new Error(`PostgreSQL: ${command} ${args.at(-1)} failed: ${output.at(-1) ?? result.error?.message ?? `exit ${result.status}`}`);
    }
  };

  run("initdb", ["-D", dataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale"]);
  const port = await getPort({ port: 55_532, exclude: [5432, 19_092, 19_093] });
  const logFile = path.join(home, "server.log");
  const start = () =>
    run("pg_ctl", ["-D", dataDirectory, "-l", logFile, "-w", "-t", "60", "-o", `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''`, "start"]);
  const running = () => existsSync(path.join(dataDirectory, "postmaster.pid"));
  start();
  return {
    port,
    serverUrl: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    home,
    start,
    crash: () => run("pg_ctl", ["-D", dataDirectory, "-m", "immediate", "-w", "-t", "30", "stop"]),
    remove: () => {
      if (running()) {
        try {
          run("pg_ctl", ["-D", dataDirectory, "-m", "fast", "-w", "-t", "30", "stop"]);
        } catch (error) {
          console.error(String(error));
        }
      }
      rmSync(home, { recursive: true, force: true });
    },
  };
}
