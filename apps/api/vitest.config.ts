// Runs every API test twice, once per database engine: SQLite always, PostgreSQL when TEST_DATABASE_URL is set.
import { configDefaults, defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

const postgresUrl = process.env.TEST_DATABASE_URL;

// A test that only makes sense on one engine lives in `*.sqlite.test.ts` or `*.postgres.test.ts`,
// which only that engine's project runs.
const sqlite: TestProjectInlineConfiguration = {
  extends: true,
  test: {
    name: "sqlite",
    exclude: [...configDefaults.exclude, "src/**/*.postgres.test.ts"],
    env: { TEST_DB_ENGINE: "sqlite" },
  },
};

const postgres: TestProjectInlineConfiguration = {
  extends: true,
  test: {
    name: "postgres",
    exclude: [...configDefaults.exclude, "src/**/*.sqlite.test.ts"],
    env: { TEST_DB_ENGINE: "postgres", TEST_DATABASE_URL: postgresUrl },
  },
};

if (!postgresUrl) {
  // CI must run both engines (DESIGN §3); make a SQLite-only run impossible to mistake for a full one.
  process.stderr.write(
    [
      "",
      "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!",
      "!!  PostgreSQL tests SKIPPED: TEST_DATABASE_URL is not set.",
      "!!  Only the SQLite project runs; nothing here shows the API works on PostgreSQL.",
      "!!  Set TEST_DATABASE_URL=postgres://user@host:port/database (each test file",
      "!!  creates and drops its own schema there) to run both engines.",
      "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!",
      "",
      "",
    ].join("\n"),
  );
}

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    pool: "forks",
    // Real argon2 hashing, real PostgreSQL and real SMTP: generous limits for a loaded 2-core CI machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ["default", "json"],
    outputFile: { json: "test-results/vitest.json" },
    projects: postgresUrl ? [sqlite, postgres] : [sqlite],
  },
});
