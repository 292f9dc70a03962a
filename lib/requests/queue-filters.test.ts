import { describe, expect, it } from "vitest";
import { managerFilterOptions, parseAllRequestsQuery, parseQueueQuery, queueStatusOptions } from "./queue-filters";

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

describe("parseAllRequestsQuery (the admin's list, docs/domain.md §10)", () => {
  it("defaults to every request of every manager, newest first, page 1", () => {
    expect(parseAllRequestsQuery({})).toEqual({ status: "all", type: "all", q: "", sort: "newest", page: 1, manager: "all" });
  });

  it("keeps the queue's filters and a manager given by id or as waiting for one", () => {
    expect(parseAllRequestsQuery({ status: "open", type: "SIGN_CONTRACT", q: " ann ", manager: "12", page: "2" })).toEqual({
      status: "open",
      type: "SIGN_CONTRACT",
      q: "ann",
      sort: "newest",
      page: 2,
      manager: 12,
    });
    expect(parseAllRequestsQuery({ manager: "none" }).manager).toBe("none");
  });

  it("falls back to every manager on anything that is no manager id", () => {
    for (const manager of ["0", "-1", "1e3", "2147483648", "abc", " 12 ", ""]) expect(parseAllRequestsQuery({ manager }).manager).toBe("all");
  });

  it("offers every manager by name, and those waiting for one", () => {
    expect(managerFilterOptions([{ managerId: 4, name: "Mia" }])).toEqual([
      { value: "all", label: "All managers" },
      { value: "none", label: "Waiting for a manager" },
      { value: "4", label: "Mia" },
    ]);
  });
});
