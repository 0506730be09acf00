// Identifiers and timestamps as the database stores them: app-generated ids, ISO-8601 UTC text.
import { randomBytes } from "node:crypto";

const BASE32_LOWERCASE = "abcdefghijklmnopqrstuvwxyz234567";
/** The same 32 symbols in ASCII order, so that a prefix written with them sorts as its number. */
const BASE32_SORTED = "234567abcdefghijklmnopqrstuvwxyz";

/**
 * A new id: 32 characters of lowercase base32, the first 10 the creation time (milliseconds, in
 * symbols that sort in time order), the other 22 random (110 bits: unguessable, never repeated).
 * Why time first: rows created together land together in every index keyed by id (the table's own
 * key, `requestId` columns), so a write dirties a few pages at the right edge of each B-tree
 * instead of one random page per index — less WAL written and fsynced per transaction
 * (docs/benchmarks.md). An id reveals when its row was created, which every row also shows.
 */
export function newId(now = Date.now()): string {
  let time = "";
  for (let rest = now, i = 0; i < 10; i++, rest = Math.floor(rest / 32)) {
    time = (BASE32_SORTED[rest % 32] as string) + time;
  }
  return time + randomBase32(22);
}

/** `length` characters of lowercase base32 (RFC 4648 alphabet) from fresh randomness. */
function randomBase32(length: number): string {
  const bytes = randomBytes(Math.ceil((length * 5) / 8));
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < length) {
      bits -= 5;
      out += BASE32_LOWERCASE[(buffer >>> bits) & 31];
    }
    // Keep only the bits not yet encoded, so the shifts stay inside 32 bits.
    buffer &= (1 << bits) - 1;
  }
  return out;
}

/** A timestamp as stored in the database: ISO-8601 UTC with milliseconds, which sorts as text. */
export function nowIso(date: Date = new Date()): string {
  return date.toISOString();
}
