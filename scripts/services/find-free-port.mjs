// Free TCP ports (get-port, imported on first use: the harness starts before node_modules exists).

// 19092/19093 belong to the developers' own broker; never hand them out even while free.
const reservedPorts = [19092, 19093];

/** `preferred` when it is free, else a port the system picks; never one in `exclude`. */
export async function findFreePort(preferred, exclude = []) {
  const { default: getPort, clearLockedPorts } = await import("get-port");
  // get-port holds back the ports it handed out in the last 15-30 s, but a restarted broker or
  // server must get its own port back. The harness binds a port before it asks for the next one
  // (Kafka's two are kept apart by `exclude`), so that guard is not needed.
  clearLockedPorts();
  return getPort({ port: preferred, exclude: [...reservedPorts, ...exclude] });
}

export async function isPortFree(port) {
  return (await findFreePort(port)) === port;
}
