import { describe, expect, it } from "vitest";
import { parseQueueQuery } from "./queue-filters";

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
