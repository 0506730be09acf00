/**
 * Requests that failed because the API could not be reached (a 503 problem, or a timeout): the
 * error page marks them and src/fetch.ts turns Astro's 500 into 503 with `Retry-After`. A WeakSet
 * keyed by the request object (Astro renders its error page for the same `Request`), so nothing
 * outlives the request.
 */
import { ApiError } from "./api.ts";

const marked = new WeakSet<Request>();

/** Whether an error means "the API is unavailable" rather than a bug. */
export function isApiUnavailable(error: unknown): boolean {
  return error instanceof ApiError && error.problem.status === 503;
}

/** Remembers that this request failed for want of the API. */
export function markApiUnavailable(request: Request): void {
  marked.add(request);
}

/** Whether this request failed for want of the API. */
export function wasApiUnavailable(request: Request): boolean {
  return marked.has(request);
}
