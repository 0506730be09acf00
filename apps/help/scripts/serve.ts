// Serves the built help center on 127.0.0.1 (HELP_PORT, default 4321) — `pnpm --filter @cirrus/help serve`.
import { resolve } from "node:path";
import {
  defaultApiUrl,
  defaultHelpUrl,
  defaultPortalUrl,
  withoutTrailingSlash,
} from "../src/lib/defaults.ts";
import { createStaticServer } from "./static-server.ts";

const port = Number(process.env.HELP_PORT || new URL(process.env.HELP_URL || defaultHelpUrl).port || 4321);
const host = process.env.HELP_HOST ?? "127.0.0.1";
const portal = withoutTrailingSlash(
  process.env.PUBLIC_PORTAL_URL || process.env.PORTAL_URL || defaultPortalUrl,
);
const api = withoutTrailingSlash(process.env.PUBLIC_API_URL || process.env.API_URL || defaultApiUrl);
const extra = (process.env.HELP_CORS_ORIGINS ?? "")
  .split(",")
  .map((s) => s.trim())
  .filter(Boolean);

const server = await createStaticServer({
  root: resolve(import.meta.dirname, "..", "dist"),
  corsOrigins: [portal, ...extra],
  connectOrigins: [api],
});
server.listen(port, host, () => {
  console.log(`Help center: http://localhost:${port} (serving dist/, search index for ${portal})`);
});
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => server.close(() => process.exit(0)));
