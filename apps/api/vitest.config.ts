// Runs every API test twice, once per database engine: SQLite always, PostgreSQL when TEST_DATABASE_URL is set.
import { configDefaults, defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

const postgresUrl = process.env.TEST_DATABASE_URL;

const sqlite: TestProjectInlineConfiguration = {
  extends: true,
  test: { name: "sqlite", env: { TEST_DB_ENGINE: "sqlite" } },
};

const postgres: TestProjectInlineConfiguration = {
  extends: true,
  test: {
    name: "postgres",
    // `*.sqlite.test.ts` files test what only SQLite has (the node:sqlite driver, pragmas, backups).
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
    reporters: ["default", "json"],
    outputFile: { json: "test-results/vitest.json" },
    projects: postgresUrl ? [sqlite, postgres] : [sqlite],
  },
});
