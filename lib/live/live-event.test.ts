import { describe, expect, it } from "vitest";
import { MAX_ID } from "@/lib/ids";
import { concernsPage, formatLiveEvent, parseLiveEvent, type LiveEvent } from "./live-event";

describe("live events", () => {
  it("are sent as one SSE message under the event name 'change', with one JSON line of data", () => {
    expect(formatLiveEvent({ type: "request", id: 12 })).toBe('event: change\ndata: {"type":"request","id":12}\n\n');
    expect(formatLiveEvent({ type: "notifications" })).toBe('event: change\ndata: {"type":"notifications"}\n\n');
  });

  it("name requests by ids as lib/ids.ts defines them (restated there to keep zod out of the browser)", () => {
    expect(parseLiveEvent(JSON.stringify({ type: "request", id: MAX_ID }))).toEqual({ type: "request", id: MAX_ID });
    expect(parseLiveEvent(JSON.stringify({ type: "request", id: MAX_ID + 1 }))).toBeNull();
  });

  it("are read back exactly, and nothing else is an event", () => {
    const events: LiveEvent[] = [{ type: "request", id: 12 }, { type: "notifications" }, { type: "statistics" }, { type: "resync" }];
    for (const event of events) expect(parseLiveEvent(JSON.stringify(event))).toEqual(event);
    for (const data of [
      undefined,
      12,
      "",
      "{",
      "null",
      "[]",
      '{"type":"request"}',
      '{"type":"request","id":0}',
      '{"type":"request","id":"12"}',
      '{"type":"request","id":2147483648}',
      '{"type":"request","id":1.5}',
      '{"type":"notifications","id":3}',
      '{"type":"notifications","text":"hi"}',
      '{"type":"other"}',
      '{"type":"toString"}',
    ]) {
      expect(parseLiveEvent(data), String(data)).toBeNull();
    }
  });
});

describe("concernsPage", () => {
  const request12: LiveEvent = { type: "request", id: 12 };

  it("re-renders a request's own page, and the request lists, for a request event", () => {
    expect(concernsPage(request12, "/requests/12")).toBe(true);
    expect(concernsPage(request12, "/requests")).toBe(true);
    expect(concernsPage(request12, "/manager/requests")).toBe(true);
    expect(concernsPage(request12, "/admin/requests")).toBe(true);
    // The admin's managers page counts open queues and shows a deactivated manager's work moving.
    expect(concernsPage(request12, "/admin/managers")).toBe(true);
    expect(concernsPage(request12, "/requests/13")).toBe(false);
    expect(concernsPage(request12, "/requests/120")).toBe(false);
    // The amend form keeps what the applicant is typing.
    expect(concernsPage(request12, "/requests/12/amend")).toBe(false);
    expect(concernsPage(request12, "/releases")).toBe(false);
  });

  it("re-renders every page for notifications (the header's unread count) and after a resync", () => {
    for (const pathname of ["/requests/12", "/releases/new", "/account", "/admin/users"]) {
      expect(concernsPage({ type: "notifications" }, pathname)).toBe(true);
      expect(concernsPage({ type: "resync" }, pathname)).toBe(true);
    }
  });

  it("re-renders the statistics pages for a statistics refresh", () => {
    expect(concernsPage({ type: "statistics" }, "/manager/report")).toBe(true);
    expect(concernsPage({ type: "statistics" }, "/statistics")).toBe(true);
    expect(concernsPage({ type: "statistics" }, "/manager/requests")).toBe(false);
  });
});
