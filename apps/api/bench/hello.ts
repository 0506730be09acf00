// The ceiling: a bare Hono app answering "hello" through the same Node adapter as the API, with
// nothing else (no middleware, no database). Started by the benchmark as its own process.
// Usage: PORT=8788 node bench/hello.ts
import { serve } from "@hono/node-server";
import { Hono } from "hono";

const app = new Hono();
app.get("/", (c) => c.text("hello"));
const server = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: Number(process.env.PORT ?? 8788) });
process.on("SIGTERM", () => server.close(() => process.exit(0)));
