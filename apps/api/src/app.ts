/**
 * createApp(deps) → the Hono app: shared middleware, the problem+json error mapping (once, here),
 * every resource mounted with `app.route()`, and the OpenAPI document with its reference page.
 */
import { DomainError } from "@cirrus/domain";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import type { AppDeps } from "./app-env.ts";
import { isDatabaseUnavailable, isStorageFull, isUniqueViolation, isUnstorableText } from "./db/errors.ts";
import { authenticate } from "./middleware/authenticate.ts";
import { requestContext } from "./middleware/context.ts";
import { csrfProtection } from "./middleware/csrf.ts";
import { Problem, problemFromDomain, problemResponse } from "./problems.ts";
import { createRouter } from "./router.ts";
import { adminRoutes } from "./routes/admin.ts";
import { agentRoutes } from "./routes/agent.ts";
import { attachmentRoutes, uploadPath } from "./routes/attachments.ts";
import { auditRoutes } from "./routes/audit.ts";
import { authRoutes } from "./routes/auth.ts";
import { cannedReplyRoutes } from "./routes/canned-replies.ts";
import { catalogueRoutes } from "./routes/catalogue.ts";
import { dashboardRoutes } from "./routes/dashboard.ts";
import { docsRoutes } from "./routes/docs.ts";
import { feedbackRoutes } from "./routes/feedback.ts";
import { healthRoutes } from "./routes/health.ts";
import { invitationRoutes } from "./routes/invitations.ts";
import { mailboxRoutes } from "./routes/mailbox.ts";
import { meRoutes } from "./routes/me.ts";
import { requestRoutes } from "./routes/requests.ts";

function toProblem(error: unknown, deps: AppDeps, requestId: string): Problem {
  if (error instanceof Problem) return error;
  if (error instanceof DomainError) return problemFromDomain(error, "fr");
  if (error instanceof HTTPException) {
    if (error.status === 413) return new Problem("payload-too-large");
    if (error.status === 415) return new Problem("unsupported-media-type");
    // Hono's validators answer 400 for a body that does not parse as JSON.
    if (error.status === 400) return new Problem("invalid-json");
    if (error.status === 401) return new Problem("unauthenticated");
    if (error.status === 404) return new Problem("not-found");
  }
  if (isStorageFull(error)) {
    // Logged as an error: only an operator can free space.
    deps.logger.error("database storage full", { requestId, error: String(error) });
    return new Problem("storage-full", { headers: { "retry-after": "60" } });
  }
  if (isDatabaseUnavailable(error)) {
    deps.logger.warn("database unavailable", { requestId, error: String(error) });
    return new Problem("service-unavailable", { headers: { "retry-after": "5" } });
  }
  if (isUniqueViolation(error)) return new Problem("conflict");
  if (isUnstorableText(error))
    return new Problem("bad-request", { detail: "Text contains a NUL character (\\u0000)." });
  deps.logger.error("unhandled error", {
    requestId,
    error:
      error instanceof Error
        ? { name: error.name, message: error.message, stack: error.stack }
        : String(error),
  });
  return new Problem("internal-error");
}

/**
 * Builds the API. Everything with side effects (database, clock, logger) comes in through `deps`.
 * @example const app = createApp({ db, engine: "sqlite", clock: () => new Date(), config, logger })
 */
export function createApp(deps: AppDeps) {
  const app = createRouter();
  app.use(requestContext(deps));
  const limitBody = bodyLimit({
    maxSize: deps.config.bodyLimitBytes,
    onError: () => {
      throw new Problem("payload-too-large");
    },
  });
  // Uploads stream through their own per-file and per-message limits (attachments/upload.ts).
  app.use((c, next) => (c.req.method === "POST" && c.req.path === uploadPath ? next() : limitBody(c, next)));
  app.use(authenticate);
  app.use(csrfProtection);

  app.onError((error, c) => {
    const problem = toProblem(error, deps, c.get("requestId"));
    const locale = c.get("locale") ?? "fr";
    if (error instanceof DomainError) return problemResponse(c, problemFromDomain(error, locale), locale);
    return problemResponse(c, problem, locale);
  });
  app.notFound((c) => problemResponse(c, new Problem("not-found"), c.get("locale") ?? "fr"));

  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    description: "A session token `<id>.<secret>` from POST /v1/auth/login.",
  });

  const routes = app
    .route("/", healthRoutes())
    .route("/", catalogueRoutes())
    .route("/", feedbackRoutes())
    .route("/", authRoutes())
    .route("/", invitationRoutes())
    .route("/", meRoutes())
    .route("/", requestRoutes())
    .route("/", attachmentRoutes())
    .route("/", agentRoutes())
    .route("/", dashboardRoutes())
    .route("/", cannedReplyRoutes())
    .route("/", mailboxRoutes())
    .route("/", adminRoutes())
    .route("/", auditRoutes());
  app.route("/", docsRoutes(app));
  return routes;
}

/** The API contract for Hono's typed client (`hc<AppType>`), used by the portal. */
export type AppType = ReturnType<typeof createApp>;
