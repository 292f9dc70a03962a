import { describe, expect, it } from "vitest";
import { publishRequestInputSchema } from "@/lib/requests/publish/schemas";

function fieldErrors(value: unknown) {
  const parsed = publishRequestInputSchema.safeParse(value);
  return parsed.success ? {} : parsed.error.flatten().fieldErrors;
}

describe("publish request form schema", () => {
  it("reads the release id and the date as a UTC day", () => {
    const parsed = publishRequestInputSchema.parse({ releaseId: "42", expectedDate: "2026-12-12" });
    expect(parsed).toEqual({ releaseId: 42, expectedDate: new Date("2026-12-12T00:00:00.000Z") });
  });

  it("asks once for each missing field", () => {
    expect(fieldErrors({ releaseId: "", expectedDate: "" })).toEqual({
      releaseId: ["Choose a release"],
      expectedDate: ["Enter the publication date"],
    });
  });

  it("refuses a made-up release id and an impossible date", () => {
    expect(fieldErrors({ releaseId: "1; drop", expectedDate: "2026-02-30" })).toEqual({
      releaseId: ["Choose a release"],
      expectedDate: ["Enter a valid date"],
    });
  });
});
