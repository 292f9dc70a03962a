// Text from outside that the database stores or searches (docs/domain.md §11 "Bad input"). Two
// things a crafted request can send, and no form field of a browser ever does: a NUL character,
// which PostgreSQL cannot hold at all (the statement fails), and a lone UTF-16 surrogate, which is
// no character (the driver would store U+FFFD, not what was typed). Stored text refuses both with
// a message next to its field, so nothing is silently changed; search text drops them, since
// nothing stored can contain them. Every text field's schema starts from `storableText`. Pure.
import { z } from "zod";

export const UNSTORABLE_TEXT = "Contains characters that are not allowed";

/** A surrogate half without its other half (the `u` flag is off: this reads UTF-16 code units). */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const loneSurrogates = new RegExp(loneSurrogate.source, "g");

export function hasUnstorableCharacters(text: string): boolean {
  return text.includes("\u0000") || loneSurrogate.test(text);
}

/** `text` without the characters that cannot be stored (for search boxes). */
export function withoutUnstorableCharacters(text: string): string {
  return text.replaceAll("\u0000", "").replace(loneSurrogates, "");
}

/** A string the database can store as given; chain `.trim()`, `.min()`, `.max()` after it. */
export function storableText() {
  return z.string().refine((text) => !hasUnstorableCharacters(text), UNSTORABLE_TEXT);
}
