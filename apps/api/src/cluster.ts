/**
 * The primary of an API cluster (API_WORKERS > 1). Why several processes: one Node process answers
 * on one core, and the API's CPU per request, not the database, bounds its throughput
 * (docs/benchmarks.md). The primary only supervises, so it stays small: it starts worker 0, which
 * migrates and seeds like a lone API and also runs the inbound SMTP listener, the outbox sender and
 * the timers; once it listens, the other workers start and only answer HTTP. All share the HTTP port
 * (node:cluster hands connections out in turn). Sessions, rate limits and the outbox live in the
 * database, so any worker can answer any request. On SQLite the workers share the file in WAL mode:
 * readers run in parallel, writers take turns (the driver waits for the write lock on timers).
 * A worker that dies is replaced; SIGTERM or SIGINT stops every worker gracefully, then the primary.
 */
import cluster, { type Worker } from "node:cluster";
import type { Env } from "./env.ts";
import { createLogger } from "./logger.ts";

export function runPrimary(env: Env): void {
  const logger = createLogger(env.LOG_LEVEL);
  const workers = new Map<number, Worker>();
  let stopping = false;
  let exitCode = 0;

  function stop(reason: string) {
    if (stopping) return;
    stopping = true;
    logger.info("stopping workers", { reason, workers: workers.size });
    // Each worker shuts down gracefully on SIGTERM (serve.ts); the primary exits after the last one.
    for (const worker of workers.values()) worker.process.kill("SIGTERM");
    if (workers.size === 0) process.exit(exitCode);
  }

  function fork(index: number, onListening?: () => void) {
    const worker = cluster.fork({ API_WORKER_INDEX: String(index) });
    let listening = false;
    let listeningSince = 0;
    worker.once("listening", () => {
      listening = true;
      listeningSince = Date.now();
      onListening?.();
    });
    worker.on("exit", (code, signal) => {
      workers.delete(index);
      if (stopping) {
        if (code !== 0 && signal !== "SIGTERM") exitCode = 1;
        if (workers.size === 0) process.exit(exitCode);
        return;
      }
      if (!listening) {
        // It failed while starting (a port in use, a bad setting, a failed migration): restarting
        // would fail again.
        logger.error("worker failed to start", { index, code, signal });
        exitCode = 1;
        stop("a worker failed to start");
        return;
      }
      // One that dies within seconds of starting would otherwise be restarted in a tight loop.
      const delayMs = Date.now() - listeningSince < 10_000 ? 1_000 : 0;
      logger.warn("worker died, starting another", { index, code, signal, delayMs });
      setTimeout(() => {
        if (!stopping) fork(index);
      }, delayMs);
    });
    workers.set(index, worker);
  }

  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  fork(0, () => {
    if (stopping) return;
    let listening = 1;
    const counted = () => {
      if (++listening === env.API_WORKERS) logger.info("all workers listening", { workers: listening });
    };
    for (let index = 1; index < env.API_WORKERS; index++) fork(index, counted);
  });
}
