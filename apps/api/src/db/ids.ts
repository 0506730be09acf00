// Identifiers and timestamps as the database stores them: app-generated ids, ISO-8601 UTC text.
import { randomBytes } from "node:crypto";

const BASE32_LOWERCASE = "abcdefghijklmnopqrstuvwxyz234567";

/** A new random id: 20 bytes (160 bits) as 32 characters of lowercase base32 (RFC 4648, no padding). */
export function newId(): string {
  const bytes = randomBytes(20);
  let id = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      id += BASE32_LOWERCASE[(buffer >>> bits) & 31];
    }
    // Keep only the bits not yet encoded, so the shifts stay inside 32 bits.
    buffer &= (1 << bits) - 1;
  }
  return id;
}

/** A timestamp as stored in the database: ISO-8601 UTC with milliseconds, which sorts as text. */
export function nowIso(date: Date = new Date()): string {
  return date.toISOString();
}
