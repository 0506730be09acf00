/**
 * Whether a value can be an API id or a request reference (`CS-000123`): checked before it goes
 * into an API path, so nothing else (slashes, dots, query strings) ever does.
 * @example isId("CS-000123") // true
 */
export function isId(value: string): boolean {
  return /^[A-Za-z0-9-]{1,64}$/.test(value);
}
