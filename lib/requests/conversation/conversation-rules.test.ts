import { describe, expect, it } from "vitest";
import type { RequestStatus } from "@/lib/generated/prisma/enums";
import { openStatuses } from "@/lib/requests/open-request";
import type { RequestParties, RequestViewer } from "@/lib/requests/state-machine";
import { authorizeComment, commentRecipients, conversationAbilities, maySeeInternalNotes } from "./conversation-rules";

const APPLICANT_ID = 10;
const MANAGER_USER_ID = 20;
const MANAGER_ID = 2;

const applicant: RequestViewer = { id: APPLICANT_ID, role: "USER", managerId: null };
const manager: RequestViewer = { id: MANAGER_USER_ID, role: "MANAGER", managerId: MANAGER_ID };
const otherManager: RequestViewer = { id: 21, role: "MANAGER", managerId: 3 };
const stranger: RequestViewer = { id: 30, role: "ARTIST", managerId: null };
const admin: RequestViewer = { id: 1, role: "ADMIN", managerId: null };

function request(status: RequestStatus, managerId: number | null = MANAGER_ID): RequestParties & { managerUserId: number | null } {
  return { type: "SIGN_CONTRACT", status, applicantId: APPLICANT_ID, managerId, managerUserId: managerId === null ? null : MANAGER_USER_ID };
}

describe("who may post in a request's conversation (docs/domain.md §9)", () => {
  for (const status of openStatuses) {
    it(`on an open request (${status}) the applicant and the assigned manager comment; only the manager writes internal notes`, () => {
      expect(authorizeComment(request(status), applicant, { internal: false })).toBe("allowed");
      expect(authorizeComment(request(status), manager, { internal: false })).toBe("allowed");
      expect(authorizeComment(request(status), manager, { internal: true })).toBe("allowed");
      expect(authorizeComment(request(status), applicant, { internal: true })).toBe("not-yours");
    });
  }

  it("a closed request's conversation is read-only for both parties", () => {
    expect(authorizeComment(request("CLOSED"), applicant, { internal: false })).toBe("closed");
    expect(authorizeComment(request("CLOSED"), manager, { internal: false })).toBe("closed");
    expect(authorizeComment(request("CLOSED"), manager, { internal: true })).toBe("closed");
  });

  it("anyone who may not see the request is told it does not exist, whatever they send", () => {
    for (const viewer of [otherManager, stranger]) {
      for (const internal of [false, true]) {
        expect(authorizeComment(request("ON_APPROVAL"), viewer, { internal })).toBe("hidden");
        expect(authorizeComment(request("CLOSED"), viewer, { internal })).toBe("hidden");
      }
    }
  });

  it("the admin reads every conversation but posts in none (docs/domain.md §10)", () => {
    for (const internal of [false, true]) {
      expect(authorizeComment(request("ON_APPROVAL"), admin, { internal })).toBe("not-yours");
      expect(authorizeComment(request("CLOSED"), admin, { internal })).toBe("not-yours");
    }
    expect(conversationAbilities(request("ON_APPROVAL"), admin)).toEqual({ mayComment: false, mayWriteInternalNote: false, readOnly: false });
  });

  it("the applicant comments before a manager is assigned", () => {
    expect(authorizeComment(request("NEW", null), applicant, { internal: false })).toBe("allowed");
  });

  it("the page offers the form, the checkbox and the read-only note accordingly", () => {
    expect(conversationAbilities(request("ON_APPROVAL"), applicant)).toEqual({ mayComment: true, mayWriteInternalNote: false, readOnly: false });
    expect(conversationAbilities(request("ON_APPROVAL"), manager)).toEqual({ mayComment: true, mayWriteInternalNote: true, readOnly: false });
    expect(conversationAbilities(request("CLOSED"), manager)).toEqual({ mayComment: false, mayWriteInternalNote: false, readOnly: true });
    expect(conversationAbilities(request("CLOSED"), applicant)).toEqual({ mayComment: false, mayWriteInternalNote: false, readOnly: true });
  });
});

describe("who reads internal notes", () => {
  it("the assigned manager and the admin; never the applicant nor another manager", () => {
    expect(maySeeInternalNotes(request("ON_APPROVAL"), manager)).toBe(true);
    expect(maySeeInternalNotes(request("CLOSED"), manager)).toBe(true);
    expect(maySeeInternalNotes(request("ON_APPROVAL"), admin)).toBe(true);
    expect(maySeeInternalNotes(request("ON_APPROVAL"), applicant)).toBe(false);
    expect(maySeeInternalNotes(request("ON_APPROVAL"), otherManager)).toBe(false);
    expect(maySeeInternalNotes(request("ON_APPROVAL"), stranger)).toBe(false);
  });

  it("an applicant who became a manager still does not read the notes on their own request", () => {
    const appointed: RequestViewer = { id: APPLICANT_ID, role: "MANAGER", managerId: 7 };
    expect(maySeeInternalNotes(request("CLOSED"), appointed)).toBe(false);
  });
});

describe("who is told of a comment: the other side", () => {
  it("the applicant's comment goes to the assigned manager, the manager's to the applicant", () => {
    expect(commentRecipients(request("ON_APPROVAL"), applicant, { internal: false })).toEqual([MANAGER_USER_ID]);
    expect(commentRecipients(request("ON_APPROVAL"), manager, { internal: false })).toEqual([APPLICANT_ID]);
  });

  it("nobody is told of the applicant's comment before a manager is assigned", () => {
    expect(commentRecipients(request("NEW", null), applicant, { internal: false })).toEqual([]);
  });

  it("an internal note notifies nobody", () => {
    expect(commentRecipients(request("ON_APPROVAL"), manager, { internal: true })).toEqual([]);
  });
});
