// The log of the web app and the worker (docs/domain.md §10, decision 016): one JSON object per
// line, naming the event, request or user it concerns, never a secret. Info lines go to standard
// output and warnings and errors to standard error, as console.log and console.error did (a
// script whose standard output is data stays clean; a runner that shows only standard error still
// shows the problems). The lines stay JSON everywhere; `npm start` alone shows them prettily
// (scripts/services/pretty-logs.mjs).
import pino, { type DestinationStream, type Logger } from "pino";
import { env } from "@/lib/env";

/**
 * Fields whose value is replaced by "[redacted]" at the top of a line and up to two levels down
 * (a `user`, an error's `headers`), and in the headers three levels down (an HTTP client error's
 * `err.config.headers`).
 */
export const redactedFields = [
  "password",
  "newPassword",
  "currentPassword",
  "passwordHash",
  "token",
  "accessToken",
  "secret",
  "authorization",
  "cookie",
  "set-cookie",
  "AUTH_SECRET",
  "NEXTAUTH_SECRET",
  "METRICS_TOKEN",
  "ADMIN_PASSWORD",
  "DATABASE_URL",
];

const pathOf = (field: string) => (/^[A-Za-z_]\w*$/.test(field) ? `.${field}` : `["${field}"]`);
const redactPaths = redactedFields.flatMap((field) => [
  pathOf(field).replace(/^\./, ""),
  `*${pathOf(field)}`,
  `*.*${pathOf(field)}`,
  `*.*.headers${pathOf(field)}`,
]);

export type LogLevel = "error" | "warn" | "info" | "debug";

/** What a line concerns; `eventId`, `requestId`, `userId` are the names every line uses. */
export type LogDetails = {
  level?: LogLevel;
  eventId?: string;
  eventName?: string;
  requestId?: number;
  userId?: number;
  /** An error: written with its type, message and stack. */
  err?: unknown;
  [field: string]: unknown;
};

/**
 * How the worker's parts write a line: the text, and what it concerns. Tests hand the worker
 * their own (`startWorker({ log })`) to read or silence the lines.
 */
export type Log = (message: string, details?: LogDetails) => void;

/** Info and below to standard output, warnings and above to standard error (each line to one of them). */
function standardStreams(): DestinationStream {
  return pino.multistream(
    [
      { level: "trace", stream: pino.destination({ dest: 1, sync: true }) },
      { level: "warn", stream: pino.destination({ dest: 2, sync: true }) },
    ],
    { dedupe: true },
  );
}

/** A logger with the project's redaction; `destination` is for tests (the standard streams otherwise). */
export function createLogger({ level = env().LOG_LEVEL }: { level?: string } = {}, destination: DestinationStream = standardStreams()): Logger {
  const options = {
    level,
    redact: { paths: redactPaths, censor: "[redacted]" },
    // Errors under `err` (or `error`) keep their type, message, stack and cause.
    serializers: { err: pino.stdSerializers.err, error: pino.stdSerializers.err },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return pino(options, destination);
}

const globalForLogger = globalThis as unknown as { cookDroogersLogger?: Logger };

/**
 * The process's logger (one per process, like the database client: Next.js may load this module
 * in several chunks). The process names itself once at start with `nameTheService`.
 */
export const logger: Logger = globalForLogger.cookDroogersLogger ?? createLogger();
globalForLogger.cookDroogersLogger = logger;

/** Adds `"service":"web"` or `"worker"` to every later line of this process (called once, at start). */
export function nameTheService(service: "web" | "worker"): void {
  if (logger.bindings().service === undefined) logger.setBindings({ service });
}

/** A `Log` writing through a pino logger at each line's level (info unless said). */
export function logTo(target: Logger): Log {
  return (message, details = {}) => {
    const { level = "info", ...fields } = details;
    target[level](fields, message);
  };
}
