// Test support: a short random suffix that keeps names, emails and nicknames of one test apart.
import { randomUUID } from "node:crypto";

export function uniqueSuffix(): string {
  return randomUUID().slice(0, 8);
}
