// Free TCP ports on the loopback interface, and waiting until a port answers.
import net from "node:net";

/** True when nothing listens on `port` (binding fails too when something holds 0.0.0.0:port). */
export function isPortFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host: "127.0.0.1", exclusive: true }, () => server.close(() => resolve(true)));
  });
}

function ephemeralPort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen({ port: 0, host: "127.0.0.1", exclusive: true }, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// 19092/19093 belong to the developers' own broker; never hand them out even while free.
const reservedPorts = new Set([19092, 19093]);

/** `preferred` when it is free, else a port the system picks, never one in `exclude`. */
export async function findFreePort(preferred, exclude = []) {
  const taken = new Set([...reservedPorts, ...exclude]);
  if (preferred && !taken.has(preferred) && (await isPortFree(preferred))) return preferred;
  for (;;) {
    const port = await ephemeralPort();
    if (!taken.has(port)) return port;
  }
}

/** True once a TCP connection to 127.0.0.1:port succeeds. */
export function portAnswers(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.setTimeout(1_000);
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(false));
  });
}
