import { describe, expect, it } from "vitest";
import { parseQueueQuery, queueStatusOptions } from "./queue-filters";

describe("parseQueueQuery", () => {
  it("defaults to open requests of every type, newest first, page 1", () => {
    expect(parseQueueQuery({})).toEqual({ status: "open", type: "all", q: "", sort: "newest", page: 1 });
  });

  it("keeps valid filters and trims the search", () => {
    expect(parseQueueQuery({ status: "ON_APPROVAL", type: "PUBLISH_RELEASE", q: "  nova ", sort: "grade-worst", page: "3" })).toEqual({
      status: "ON_APPROVAL",
      type: "PUBLISH_RELEASE",
      q: "nova",
      sort: "grade-worst",
      page: 3,
    });
  });

  it("falls back on unknown or hostile values instead of failing", () => {
    expect(parseQueueQuery({ status: "DROP TABLE", type: ["x"], sort: "random", page: "-4" })).toEqual({
      status: "open",
      type: "all",
      q: "",
      sort: "newest",
      page: 1,
    });
  });
});

describe("the queue's status choices", () => {
  it("offer every status in its word, Changes requested included (docs/domain.md §9)", () => {
    expect(queueStatusOptions.map((option) => option.label)).toContain("Changes requested");
    expect(parseQueueQuery({ status: "CHANGES_REQUESTED" }).status).toBe("CHANGES_REQUESTED");
  });
});

describe("the queue's deadline choices (docs/domain.md §9 \"Deadlines\")", () => {
  it("offer \"Expiring within 7 days\" and a sort by the nearest deadline", () => {
    expect(queueStatusOptions).toContainEqual({ value: "expiring", label: "Expiring within 7 days" });
    expect(parseQueueQuery({ status: "expiring", sort: "expiring-first" })).toMatchObject({ status: "expiring", sort: "expiring-first" });
  });
});
