/**
 * @cirrus/api's public surface for other packages: the API contract type for Hono's typed client
 * (`hc<AppType>(apiUrl)`). Type-only — importing it pulls no server code into a client.
 */
export type { AppType } from "./app.ts";
