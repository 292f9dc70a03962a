import { describe, expect, it } from "vitest";
import { parseLiveChange } from "./live-change";

describe("parseLiveChange", () => {
  it("reads the payloads the triggers write (json_build_object's spacing included)", () => {
    expect(parseLiveChange('{"request" : 12}')).toEqual({ kind: "request", requestId: 12, formerManagerId: null, internal: false });
    expect(parseLiveChange('{"request" : 12, "formerManager" : 3}')).toEqual({ kind: "request", requestId: 12, formerManagerId: 3, internal: false });
    expect(parseLiveChange('{"request" : 12, "internal" : true}')).toEqual({ kind: "request", requestId: 12, formerManagerId: null, internal: true });
    expect(parseLiveChange('{"notifications" : 7}')).toEqual({ kind: "notifications", userId: 7 });
    expect(parseLiveChange('{"statistics" : true}')).toEqual({ kind: "statistics" });
  });

  it("refuses anything else: no payload, not JSON, unknown or extra keys, ids that are not ids", () => {
    for (const payload of [
      undefined,
      "",
      "request 12",
      "null",
      "[]",
      "{}",
      '{"request": 0}',
      '{"request": -1}',
      '{"request": 2147483648}',
      '{"request": 1.5}',
      '{"request": 12, "body": "an internal note"}',
      '{"notifications": "7; DROP"}',
      '{"statistics": false}',
      '{"request": 12, "internal": false}',
      '{"request": 12, "notifications": 7}',
    ]) {
      expect(parseLiveChange(payload), String(payload)).toBeNull();
    }
  });
});
