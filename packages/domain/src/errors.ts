/** Typed errors the domain throws; each carries a stable `code` the API maps to a problem once. */

export type DomainErrorCode =
  | "illegal-transition"
  | "not-entitled"
  | "invalid-add-on"
  | "reopen-window-expired"
  | "invalid-quote"
  | "quote-expired"
  | "invalid-date";

/**
 * Base of every domain error: a stable machine code plus structured details for messages.
 * @example try { … } catch (e) { if (e instanceof DomainError) console.log(e.code) }
 */
export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly details: Readonly<Record<string, unknown>>;
  constructor(code: DomainErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = "DomainError";
    this.code = code;
    this.details = details;
  }
}

/** A status change the state machine does not allow for that actor. */
export class IllegalTransitionError extends DomainError {
  constructor(machine: "request" | "quote", from: string, to: string, actor: string) {
    super("illegal-transition", `${machine}: ${actor} cannot go from "${from}" to "${to}"`, {
      machine,
      from,
      to,
      actor,
    });
    this.name = "IllegalTransitionError";
  }
}
