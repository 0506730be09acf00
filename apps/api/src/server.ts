/**
 * Starts the API (the only module with side effects at start). API_WORKERS=1: this process serves
 * (`serve.ts`). More: this process becomes the cluster's primary (`cluster.ts`) and each worker it
 * forks runs this file again, as a worker.
 */
import cluster from "node:cluster";
import { readEnv } from "./env.ts";

const env = readEnv();
if (env.API_WORKERS > 1 && cluster.isPrimary) {
  const { runPrimary } = await import("./cluster.ts");
  runPrimary(env);
} else {
  const { serveApi } = await import("./serve.ts");
  await serveApi(env, { main: cluster.isPrimary || env.API_WORKER_INDEX === 0 });
}
