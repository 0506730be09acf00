/** Random tokens and their hashes: session secrets, invitation and password-reset links. */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

// Lucia's alphabet: no 0/o, 1/l, so tokens can be read aloud and copied without mistakes.
const ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

/**
 * A random string of 24 characters of 5 bits each (120 bits of entropy), per Lucia's guide.
 * @example generateSecureRandomString() // "k3m9…"
 */
export function generateSecureRandomString(length = 24): string {
  const bytes = randomBytes(length);
  let out = "";
  for (const byte of bytes) out += ALPHABET[byte >> 3];
  return out;
}

/**
 * SHA-256 of a token, hex: what the database keeps instead of the token.
 * @example hashToken("abc").length // 64
 */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/**
 * Compares two hex hashes in constant time.
 * @example constantTimeEqualHex(hashToken("a"), hashToken("a")) // true
 */
export function constantTimeEqualHex(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

/**
 * A one-time link token (invitations, password resets) and the hash to store.
 * @example const { token, tokenHash } = newOneTimeToken()
 */
export function newOneTimeToken(): { token: string; tokenHash: string } {
  const token = generateSecureRandomString(32);
  return { token, tokenHash: hashToken(token) };
}
