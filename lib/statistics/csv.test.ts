import { describe, expect, it } from "vitest";
import { CSV_BOM, escapeCsvField, toCsv } from "./csv";

describe("escapeCsvField", () => {
  it("quotes every field and doubles quotes inside", () => {
    expect(escapeCsvField("plain")).toBe('"plain"');
    expect(escapeCsvField('say "hi"')).toBe('"say ""hi"""');
    expect(escapeCsvField("a, b")).toBe('"a, b"');
    expect(escapeCsvField("two\nlines")).toBe('"two\nlines"');
  });

  it("writes numbers as they are and empty values as empty fields", () => {
    expect(escapeCsvField(1234)).toBe('"1234"');
    expect(escapeCsvField(12.5)).toBe('"12.5"');
    expect(escapeCsvField(null)).toBe('""');
    expect(escapeCsvField(undefined)).toBe('""');
    expect(escapeCsvField(Number.NaN)).toBe('""');
  });

  it("defuses text a spreadsheet would run as a formula", () => {
    expect(escapeCsvField("=HYPERLINK(\"x\")")).toBe('"\'=HYPERLINK(""x"")"');
    expect(escapeCsvField("+1")).toBe("\"'+1\"");
    expect(escapeCsvField("@me")).toBe("\"'@me\"");
    expect(escapeCsvField(-5)).toBe('"-5"');
  });

  it("keeps non-ASCII text intact", () => {
    expect(escapeCsvField("Björk – Jóga")).toBe('"Björk – Jóga"');
  });
});

describe("toCsv", () => {
  it("writes a BOM, a header row and CRLF-terminated rows", () => {
    const csv = toCsv(["Artist", "Streams"], [["Ada", 10], ['Bo "B"', null]]);
    expect(csv).toBe(`${CSV_BOM}"Artist","Streams"\r\n"Ada","10"\r\n"Bo ""B""",""\r\n`);
  });

  it("writes only the header when there are no rows", () => {
    expect(toCsv(["A"], [])).toBe(`${CSV_BOM}"A"\r\n`);
  });
});
