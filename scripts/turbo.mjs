// `npm run build|lint|typecheck`: runs one turbo task over the workspace on the pinned Node.
import { spawnSync } from "node:child_process";

const result = spawnSync("turbo", ["run", ...process.argv.slice(2)], { stdio: "inherit" });
process.exit(result.status ?? 1);
