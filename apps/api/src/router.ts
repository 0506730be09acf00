/** A router with the app's environment and the shared validation hook (invalid input → 422 problem). */
import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "./app-env.ts";
import { Problem } from "./problems.ts";
import { fieldErrors } from "./validation.ts";

export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        throw new Problem("validation-failed", {
          extra: { errors: fieldErrors(result.error, c.get("locale")) },
        });
      }
    },
  });
}
