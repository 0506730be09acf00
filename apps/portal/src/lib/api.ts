/**
 * The API, server-side: Hono's typed client (`hc<AppType>`) so the contract is checked by the
 * compiler, with the caller's session token and language, and one way to read problems
 * (RFC 9457 `application/problem+json`) into something forms can show.
 */
import type { AppType } from "@cirrus/api";
import type { Locale } from "@cirrus/domain";
import { hc } from "hono/client";
import { config } from "./config.ts";

/** A field-level error from a `validation-failed` problem. */
export interface FieldError {
  readonly field: string;
  readonly code: string;
  readonly message: string;
}

/** A problem answer of the API, reduced to what the portal shows. */
export interface Problem {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail?: string;
  readonly errors: readonly FieldError[];
  /** For `rate-limited`: seconds until the next try (body or `Retry-After`). */
  readonly retryAfterSeconds?: number;
}

/** Thrown when an API call fails with a problem; pages turn it into messages or an error page. */
export class ApiError extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(`API ${problem.status} ${problem.code}`);
    this.name = "ApiError";
    this.problem = problem;
  }
}

/** Who is calling: the session token (if any), the page's language and the browser's user agent. */
export interface Caller {
  readonly token?: string | null;
  readonly locale: Locale;
  readonly userAgent?: string | null;
  /** The browser's IP address, passed on as `X-Forwarded-For` (see below). */
  readonly clientAddress?: string | null;
}

/**
 * Headers of a server-side call. Only these: the browser's `Origin`, `Cookie` and `Sec-Fetch-*`
 * are never forwarded (the API treats calls without them as server-side and checks the token).
 */
export function apiHeaders(caller: Caller): Record<string, string> {
  const headers: Record<string, string> = { "accept-language": caller.locale };
  if (caller.token) headers.authorization = `Bearer ${caller.token}`;
  // So the API's list of active sessions can say which browser each one is.
  if (caller.userAgent) headers["user-agent"] = caller.userAgent.slice(0, 300);
  // Every portal call comes from the portal's own address: without this, the API's per-IP
  // sign-in limit would count all customers together. The API believes it only from addresses in
  // its TRUSTED_PROXIES (loopback by default, where the portal runs).
  if (caller.clientAddress) headers["x-forwarded-for"] = caller.clientAddress.slice(0, 64);
  return headers;
}

/** `fetch` with a timeout; a network failure becomes a 503 problem. */
export async function apiFetch(
  input: RequestInfo | URL,
  init?: RequestInit,
  timeoutMs: number = config.apiTimeoutMs,
): Promise<Response> {
  try {
    return await fetch(input, {
      ...init,
      signal: AbortSignal.timeout(timeoutMs),
      redirect: "manual",
    });
  } catch {
    throw new ApiError({
      status: 503,
      code: "service-unavailable",
      title: "Service unavailable",
      errors: [],
    });
  }
}

/**
 * A typed client for one caller.
 * @example const me = await ok(await api(caller).v1.me.$get())
 */
export function api(caller: Caller) {
  return hc<AppType>(config.apiUrl, { headers: apiHeaders(caller), fetch: apiFetch });
}

export type Api = ReturnType<typeof api>;

function toNumber(value: unknown): number | undefined {
  const n = typeof value === "string" ? Number(value) : value;
  return typeof n === "number" && Number.isFinite(n) && n >= 0 ? Math.ceil(n) : undefined;
}

/**
 * Reads a failed response as a problem (tolerating non-problem bodies).
 * @example const problem = await readProblem(response)
 */
export async function readProblem(response: Response): Promise<Problem> {
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = await response.json();
    if (parsed && typeof parsed === "object") body = parsed as Record<string, unknown>;
  } catch {
    // not JSON: keep the status only
  }
  const errors = Array.isArray(body.errors)
    ? body.errors.flatMap((e: unknown) => {
        const { field, code, message } = (e ?? {}) as Record<string, unknown>;
        return typeof field === "string" && typeof message === "string"
          ? [{ field, code: typeof code === "string" ? code : "invalid", message }]
          : [];
      })
    : [];
  const retryAfterSeconds = toNumber(body.retryAfterSeconds) ?? toNumber(response.headers.get("retry-after"));
  return {
    status: response.status,
    code: typeof body.code === "string" ? body.code : `http-${response.status}`,
    title: typeof body.title === "string" ? body.title : response.statusText,
    ...(typeof body.detail === "string" ? { detail: body.detail } : {}),
    errors,
    ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
  };
}

/** A typed client response: `ok` narrows to the success statuses. */
interface TypedResponse {
  readonly ok: boolean;
  readonly status: number;
  json(): Promise<unknown>;
}

type SuccessBody<R> = R extends { ok: true; json(): Promise<infer T> } ? T : never;

/**
 * The body of a successful answer, or throws `ApiError` with the problem.
 * @example const request = await ok(await client.v1.requests[":id"].$get({ param: { id } }))
 */
export async function ok<R extends TypedResponse>(response: R): Promise<SuccessBody<R>> {
  if (!response.ok) throw new ApiError(await readProblem(response as unknown as Response));
  if (response.status === 204 || response.status === 202) return undefined as SuccessBody<R>;
  return (await response.json()) as SuccessBody<R>;
}

/**
 * Runs an API call and returns either its body or its problem, for forms that show errors.
 * @example const result = await attempt(() => client.v1.auth.login.$post({ json }))
 */
export async function attempt<R extends TypedResponse>(
  call: () => Promise<R>,
): Promise<{ ok: true; data: SuccessBody<R> } | { ok: false; problem: Problem }> {
  try {
    return { ok: true, data: await ok(await call()) };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, problem: error.problem };
    throw error;
  }
}
