// Database commands for operators and scripts: `node src/db/cli.ts <command>` (see `usage` below).
import { readEnv } from "../env.ts";
import { backupDatabase, restoreDatabase } from "./backup.ts";
import { openDatabase, redactUrl } from "./connect.ts";
import { migrateToLatest } from "./migrate.ts";

const usage = `Usage: node src/db/cli.ts <command> [file]

Commands:
  migrate         apply pending migrations to the database at DATABASE_URL
                  (default: <repo root>/data/cirrus.sqlite)
  backup <file>   write a consistent backup of the database at DATABASE_URL to <file>, while the
                  API runs (SQLite: VACUUM INTO, checked; PostgreSQL: pg_dump --format=custom)
  restore <file>  replace the database at DATABASE_URL with the backup <file> — stop the API first
                  (SQLite: checked, then swapped in, the old file kept as *.before-restore-*;
                  PostgreSQL: pg_restore --clean in one transaction)`;

async function main(command: string | undefined, file: string | undefined): Promise<number> {
  switch (command) {
    case "backup":
    case "restore": {
      if (!file) {
        console.error(`${command} needs a file.\n\n${usage}`);
        return 2;
      }
      const url = readEnv().DATABASE_URL;
      if (command === "backup") await backupDatabase(url, file);
      else await restoreDatabase(url, file);
      console.log(
        `${command === "backup" ? "Backed up" : "Restored"} ${redactUrl(url)} ${command === "backup" ? "to" : "from"} ${file}`,
      );
      return 0;
    }
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
  process.exitCode = await main(process.argv[2], process.argv[3]);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
