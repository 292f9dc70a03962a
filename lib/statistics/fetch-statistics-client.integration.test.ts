// The statistics client against a small HTTP server started here: a reply larger than the bound
// and a redirect are failures (docs/domain.md §11), never an out-of-memory or another address asked.
import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { fetchDailyStatistics } from "@/lib/statistics/fetch-statistics-client";

const DAY = "2026-11-20";
const servers: Server[] = [];

async function serve(listener: RequestListener): Promise<string> {
  const server = createServer(listener);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

const validAnswer = JSON.stringify({ day: DAY, results: [] });

describe("fetchDailyStatistics", () => {
  it("reads an answer within the bound", async () => {
    const baseUrl = await serve((_request, response) => {
      response.setHeader("content-type", "application/json");
      response.end(validAnswer);
    });
    await expect(fetchDailyStatistics({ baseUrl }, DAY, [])).resolves.toEqual({ day: DAY, results: [] });
  });

  it("fails on a reply larger than the bound that says its length", async () => {
    const baseUrl = await serve((_request, response) => {
      const body = JSON.stringify({ day: DAY, results: [], padding: "x".repeat(6 * 1024 * 1024) });
      response.setHeader("content-length", Buffer.byteLength(body));
      response.end(body);
    });
    await expect(fetchDailyStatistics({ baseUrl }, DAY, [])).rejects.toThrow(/more than 5242880 bytes/);
  });

  it("stops reading a streamed reply once it passes the bound", async () => {
    let written = 0;
    let stopped = false;
    const baseUrl = await serve((_request, response) => {
      // Chunked, no length: one megabyte at a time, for as long as the client keeps reading.
      const chunk = Buffer.alloc(1024 * 1024, "x");
      response.on("close", () => (stopped = true));
      const writeMore = () => {
        while (!stopped && written < 200 * 1024 * 1024) {
          written += chunk.length;
          if (!response.write(chunk)) return void response.once("drain", writeMore);
        }
        response.end();
      };
      writeMore();
    });
    await expect(fetchDailyStatistics({ baseUrl, maxReplyBytes: 2 * 1024 * 1024 }, DAY, [])).rejects.toThrow(/more than 2097152 bytes/);
    await expect.poll(() => stopped).toBe(true);
    expect(written).toBeLessThan(50 * 1024 * 1024);
  });

  it.each([301, 302, 307, 308])("fails on a redirect (HTTP %i) without following it", async (status) => {
    let targetAsked = false;
    const target = await serve((_request, response) => {
      targetAsked = true;
      response.end(validAnswer);
    });
    const baseUrl = await serve((_request, response) => {
      response.writeHead(status, { location: `${target}/v1/daily-statistics` });
      response.end();
    });
    await expect(fetchDailyStatistics({ baseUrl }, DAY, [])).rejects.toThrow(`answered a redirect (HTTP ${status})`);
    expect(targetAsked).toBe(false);
  });
});
