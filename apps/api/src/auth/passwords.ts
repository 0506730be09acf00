/**
 * Password hashing with argon2id through Node 24's built-in `crypto.argon2` (no native addon),
 * parameters explicit and at least OWASP's minimum (m = 19 MiB, t = 2, p = 1), stored as a
 * standard PHC string so the parameters can be raised later and old hashes still verify.
 */
import { argon2, randomBytes, timingSafeEqual } from "node:crypto";

export const passwordRules = { minLength: 8, maxLength: 128, recommendedLength: 12 } as const;

/** Production parameters. Tests may pass cheaper ones (see `hashPassword`'s `params`). */
export const argon2Params = { memory: 19_456, passes: 2, parallelism: 1, tagLength: 32 } as const;
export type Argon2Params = { memory: number; passes: number; parallelism: number; tagLength: number };

function derive(password: string, salt: Buffer, params: Argon2Params): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    argon2(
      "argon2id",
      { message: Buffer.from(password.normalize("NFKC"), "utf8"), nonce: salt, ...params },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

const b64 = (buffer: Buffer) => buffer.toString("base64").replace(/=+$/, "");

/**
 * Hashes a password into a PHC string `$argon2id$v=19$m=…,t=…,p=…$salt$hash`.
 * @example await hashPassword("correct horse battery staple")
 */
export async function hashPassword(password: string, params: Argon2Params = argon2Params): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, params);
  return `$argon2id$v=19$m=${params.memory},t=${params.passes},p=${params.parallelism}$${b64(salt)}$${b64(key)}`;
}

const PHC = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

/**
 * Checks a password against a PHC string in constant time; false for a malformed hash.
 * @example await verifyPassword(hash, "correct horse battery staple") // true
 */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  const m = PHC.exec(hash);
  if (!m) return false;
  const expected = Buffer.from(m[5] ?? "", "base64");
  const params = {
    memory: Number(m[1]),
    passes: Number(m[2]),
    parallelism: Number(m[3]),
    tagLength: expected.length,
  };
  const key = await derive(password, Buffer.from(m[4] ?? "", "base64"), params);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

let dummyHash: Promise<string> | undefined;
/**
 * Spends the same time as a real verification, for sign-ins with an unknown e-mail, so timing
 * does not reveal whether an account exists.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword("dummy password for timing");
  await verifyPassword(await dummyHash, password);
  return false;
}

/**
 * Length rule for new passwords (8–128 characters, counted as code points).
 * @example passwordProblem("short") // "too-short"
 */
export function passwordProblem(password: string): "too-short" | "too-long" | null {
  const length = [...password].length;
  if (length < passwordRules.minLength) return "too-short";
  if (length > passwordRules.maxLength) return "too-long";
  return null;
}
