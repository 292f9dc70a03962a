// GET /api/health on the real PostgreSQL (docs/domain.md §10 "Health"): the public is told the
// word alone, 200 {"status":"ok"} or 503 {"status":"down"}; the details go only to a caller with
// the metrics token or to the signed-in admin. The route handler is called in-process with the
// session cookie stood in for (tests/support/act-as.ts).
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";

const token = vi.hoisted(() => {
  // Before any module reads the configuration (lib/env.ts caches it on first use).
  const value = "health-integration-token-0123456789";
  process.env.METRICS_TOKEN = value;
  return value;
});

/** While `on`, the report says the database is unreachable, as checkHealth does when it is. */
const databaseDown = vi.hoisted(() => ({ on: false }));

vi.mock("@/lib/auth/auth", async (original) => ({ ...(await original<object>()), auth: (await import("@/tests/support/act-as")).authedAs }));
vi.mock("@/lib/platform/health", async (original) => {
  const actual = await original<typeof import("@/lib/platform/health")>();
  return {
    ...actual,
    checkHealth: (...args: Parameters<typeof actual.checkHealth>) =>
      databaseDown.on ? Promise.resolve({ status: "down", database: "unreachable" } as const) : actual.checkHealth(...args),
  };
});

import { GET } from "@/app/api/health/route";
import { endSession } from "@/lib/auth/sessions";
import { prisma } from "@/lib/db";
import { actAs, actWithCookie } from "@/tests/support/act-as";
import { createArtist, createManager, createUser } from "@/tests/support/create-accounts";
import { resetDatabase } from "@/tests/support/reset-database";

async function health(authorization?: string): Promise<{ status: number; body: unknown; cacheControl: string | null }> {
  const response = await GET(new Request("http://127.0.0.1/api/health", { headers: authorization ? { authorization } : {} }));
  return { status: response.status, body: await response.json(), cacheControl: response.headers.get("cache-control") };
}

const details = {
  status: "ok",
  database: "ok",
  worker: { lastHeartbeatAt: "2026-12-01T10:00:00.000Z", heartbeatAgeSeconds: expect.any(Number) },
  outbox: { unsent: 0, due: 0 },
};

beforeEach(async () => {
  databaseDown.on = false;
  await resetDatabase(prisma);
  await actAs(null);
  const beatAt = new Date("2026-12-01T10:00:00.000Z");
  await prisma.workerHeartbeat.create({ data: { workerId: "health-route", startedAt: beatAt, beatAt } });
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe("GET /api/health", () => {
  it("tells the public the word alone", async () => {
    expect(await health()).toEqual({ status: 200, body: { status: "ok" }, cacheControl: "no-store" });
  });

  it("tells the details to a caller with the metrics token", async () => {
    expect(await health(`Bearer ${token}`)).toEqual({ status: 200, body: details, cacheControl: "no-store" });
  });

  it("tells a wrong, partial or differently sent token the word alone", async () => {
    for (const authorization of ["Bearer wrong-token-0123456789abcdef", `Bearer ${token.slice(0, -1)}`, `Bearer ${token}x`, `Basic ${token}`, token]) {
      expect(await health(authorization), authorization).toEqual({ status: 200, body: { status: "ok" }, cacheControl: "no-store" });
    }
  });

  it("tells the details to the signed-in admin, and the word alone to every other role", async () => {
    const admin = await createUser(prisma, "ADMIN");
    await actAs(admin);
    expect((await health()).body).toEqual(details);

    const manager = await createManager(prisma);
    for (const person of [await createUser(prisma), await createArtist(prisma, manager.managerId!), manager]) {
      await actAs(person);
      expect((await health()).body, person.role).toEqual({ status: "ok" });
    }
  });

  it("tells an admin whose session has ended the word alone", async () => {
    const admin = await createUser(prisma, "ADMIN");
    const sessionId = await actAs(admin);
    await endSession(sessionId!);
    actWithCookie(admin.id, sessionId!);
    expect((await health()).body).toEqual({ status: "ok" });
  });

  it("answers 503 down while the database does not answer: the detail to the token, the word to everyone else", async () => {
    const admin = await createUser(prisma, "ADMIN");
    databaseDown.on = true;
    expect(await health()).toEqual({ status: 503, body: { status: "down" }, cacheControl: "no-store" });
    expect(await health(`Bearer ${token}`)).toEqual({ status: 503, body: { status: "down", database: "unreachable" }, cacheControl: "no-store" });
    // Telling the admin apart would need the database: the admin hears what the public hears.
    await actAs(admin);
    expect(await health()).toEqual({ status: 503, body: { status: "down" }, cacheControl: "no-store" });
  });
});
