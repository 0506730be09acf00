/** Human request references (`CS-000123`), as shown to customers and put in e-mail subjects. */

const REFERENCE_RE = /^CS-(\d{6,})$/;
const IN_TEXT_RE = /\[?\bCS-(\d{6,})\b\]?/;

/** Request numbers start at 1 and stay exact integers. */
function validNumber(n: number): number | null {
  return Number.isSafeInteger(n) && n >= 1 ? n : null;
}

/**
 * Formats a request number as its reference.
 * @example formatRequestReference(123) // "CS-000123"
 */
export function formatRequestReference(number: number): string {
  if (!Number.isSafeInteger(number) || number < 1) throw new RangeError(`invalid request number ${number}`);
  return `CS-${String(number).padStart(6, "0")}`;
}

/**
 * The request number of a reference, or null.
 * @example parseRequestReference("CS-000123") // 123
 */
export function parseRequestReference(reference: string): number | null {
  const m = REFERENCE_RE.exec(reference.trim().toUpperCase());
  return m ? validNumber(Number(m[1])) : null;
}

/**
 * The first reference found in a text such as an e-mail subject (`Re: [CS-000123] …`), or null.
 * @example findRequestReference("Re: [CS-000042] Export") // 42
 */
export function findRequestReference(text: string): number | null {
  const m = IN_TEXT_RE.exec(text.toUpperCase());
  return m ? validNumber(Number(m[1])) : null;
}
