// A live-pages hub in a separate OS process, as another web process runs one: its own LISTEN
// connection to the DATABASE_URL it shares with the test. Run as
//   node --conditions=react-server --import tsx tests/support/live-hub-script.ts '<viewer json>'
// with a RequestViewer ({ id, role, managerId }); prints "listening" once it LISTENs, then each
// event that viewer would get as one JSON line, until stdin closes or it is signalled.
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { LiveHub } from "@/lib/live/live-hub";
import type { RequestViewer } from "@/lib/requests/state-machine";

const viewer = JSON.parse(process.argv[2] ?? "{}") as RequestViewer;
const hub = new LiveHub({ databaseUrl: env().DATABASE_URL });

async function stop() {
  await hub.stop();
  await prisma.$disconnect();
  process.exit(0);
}

hub.subscribe({ viewer, deliver: (event) => process.stdout.write(`${JSON.stringify(event)}\n`) });
process.stdin.on("end", () => void stop());
process.stdin.resume();
process.on("SIGTERM", () => void stop());
hub
  .listening()
  .then(() => process.stdout.write("listening\n"))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
