// The ceiling: a bare Hono app answering "hello" through the same Node adapter as the API, with
// nothing else (no middleware, no database). Started by the benchmark as its own process, with as
// many processes (node:cluster) as the API gets, so that the ceiling is comparable.
// Usage: PORT=8788 WORKERS=1 node bench/hello.ts
import cluster from "node:cluster";
import { serve } from "@hono/node-server";
import { Hono } from "hono";

const workers = Number(process.env.WORKERS ?? 1);
if (workers > 1 && cluster.isPrimary) {
  for (let i = 0; i < workers; i++) cluster.fork();
  process.on("SIGTERM", () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    cluster.on("exit", () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    });
  });
} else {
  const app = new Hono();
  app.get("/", (c) => c.text("hello"));
  const server = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: Number(process.env.PORT ?? 8788) });
  process.on("SIGTERM", () => server.close(() => process.exit(0)));
}
