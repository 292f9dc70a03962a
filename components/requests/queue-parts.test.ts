import { describe, expect, it } from "vitest";
import { queueRowData } from "./queue-parts";

// A request as listManagerQueue and listAllRequests give it (lib/requests/queries.ts `queueRow`).
const listed = {
  id: 41,
  type: "PUBLISH_RELEASE" as const,
  status: "CLOSED" as const,
  resolution: "ACCEPTED" as const,
  createdAt: new Date("2026-11-02T10:00:00.000Z"),
  updatedAt: new Date("2026-11-03T10:00:00.000Z"),
  nickname: null,
  grade: 8,
  expectedDate: new Date("2026-12-01T00:00:00.000Z"),
  expiresAt: null,
  processingFailedAt: null,
  applicantId: 7,
  managerId: 3,
  applicant: { name: "Ivo Novak", email: "ivo@example.test" },
  manager: { user: { name: "Mara Lind" } },
  release: { id: 12, title: "Harbor Lights", artist: { nickname: "Velvet Harbor" } },
};

describe("queueRowData: what a list row sends to the browser", () => {
  it("keeps the shown values and nothing else (no ids of people, no other dates)", () => {
    expect(queueRowData(listed)).toStrictEqual({
      id: 41,
      type: "PUBLISH_RELEASE",
      status: "CLOSED",
      resolution: "ACCEPTED",
      nickname: null,
      grade: 8,
      processingFailedAt: null,
      createdAt: new Date("2026-11-02T10:00:00.000Z"),
      expiresAt: null,
      applicant: { name: "Ivo Novak", email: "ivo@example.test" },
      release: { title: "Harbor Lights", artist: { nickname: "Velvet Harbor" } },
      managerName: "Mara Lind",
    });
  });

  it("gives no manager's name and no release where the request has none", () => {
    const row = queueRowData({ ...listed, type: "SIGN_CONTRACT", nickname: "Velvet Harbor", manager: null, release: null });
    expect(row.managerName).toBeNull();
    expect(row.release).toBeNull();
    expect(row.nickname).toBe("Velvet Harbor");
  });
});
