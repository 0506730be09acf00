// Serves the built site on a free loopback port for the whole run; tests read HELP_BASE_URL.
import type { AddressInfo } from "node:net";
import { distDir } from "../scripts/dist-dir.ts";
import { createStaticServer } from "../scripts/static-server.ts";
import { defaultApiUrl, defaultPortalUrl } from "../src/lib/defaults.ts";

export default async function globalSetup(): Promise<() => Promise<void>> {
  const server = await createStaticServer({
    root: distDir(),
    corsOrigins: [process.env.PUBLIC_PORTAL_URL || defaultPortalUrl],
    connectOrigins: [process.env.PUBLIC_API_URL || defaultApiUrl],
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  process.env.HELP_BASE_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return () => new Promise((done) => server.close(() => done()));
}
