/** Staff side of requests: the queue, full detail, replies and notes, status, criticality, assignment, quotes. */
import { createRouter } from "../router.ts";

export function agentRoutes() {
  return createRouter();
}
