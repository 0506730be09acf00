/** Starts the stack once for the whole run and tells the tests where it is (environment variables). */
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { portalDir, startStack } from "./support/stack.ts";

export default async function globalSetup() {
  const stack = await startStack();
  process.env.E2E_PORTAL_URL = stack.portalUrl;
  process.env.E2E_API_URL = stack.apiUrl;
  process.env.E2E_HELP_URL = stack.helpUrl;
  process.env.E2E_DATABASE = stack.databaseFile;
  const auth = join(portalDir, "test-results", "auth");
  rmSync(auth, { recursive: true, force: true });
  mkdirSync(auth, { recursive: true });
  mkdirSync(join(portalDir, "test-results", "screenshots"), { recursive: true });
  return async () => stack.stop();
}
