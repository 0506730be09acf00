/**
 * One load run with autocannon: a fixed number of connections for a fixed time against one route,
 * each request taking its session (and target) from a rotating list so that the API sees many
 * users, not one cached row. Returns throughput, latency percentiles and errors.
 */
import autocannon from "autocannon";

export interface LoadCase {
  method: "GET" | "POST";
  /** Called for every request: its path, headers and body (rotate users and targets here). */
  next(): { path: string; headers?: Record<string, string>; body?: string };
}

export interface LoadResult {
  requests: number;
  reqPerSec: number;
  p50: number;
  p99: number;
  /** Non-2xx answers, timeouts and connection errors. */
  errors: number;
}

export async function runLoad(
  url: string,
  load: LoadCase,
  options: { connections: number; seconds: number },
): Promise<LoadResult> {
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
    timeout: 10,
    requests: [
      {
        method: load.method,
        setupRequest: (request) => {
          const { path, headers, body } = load.next();
          return {
            ...request,
            path,
            headers: {
              ...request.headers,
              ...headers,
              ...(body ? { "content-type": "application/json" } : {}),
            },
            ...(body ? { body } : {}),
          };
        },
      },
    ],
  });
  return {
    requests: result.requests.total,
    reqPerSec: result.requests.total / options.seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.non2xx + result.errors + result.timeouts,
  };
}
