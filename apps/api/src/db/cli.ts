// Database commands for operators and scripts: `node src/db/cli.ts <command>` (see `usage` below).
import { readEnv } from "../env.ts";
import { openDatabase, redactUrl } from "./connect.ts";
import { migrateToLatest } from "./migrate.ts";

const usage = `Usage: node src/db/cli.ts <command>

Commands:
  migrate   apply pending migrations to the database at DATABASE_URL
            (default: <repo root>/data/cirrus.sqlite)`;

async function main(command: string | undefined): Promise<number> {
  switch (command) {
    case "migrate": {
      // env.ts owns the DATABASE_URL default, computed from the source location, not the cwd.
      const url = readEnv().DATABASE_URL;
      const { db, engine, close } = await openDatabase(url);
      try {
        console.log(`Migrating ${engine} database ${redactUrl(url)}`);
        const applied = await migrateToLatest(db);
        if (applied.length === 0) console.log("Already up to date.");
        for (const name of applied) console.log(`  applied ${name}`);
      } finally {
        await close();
      }
      return 0;
    }
    // case "seed": the demo data command goes here.
    default:
      console.error(command ? `Unknown command "${command}".\n\n${usage}` : usage);
      return 2;
  }
}

try {
  process.exitCode = await main(process.argv[2]);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
