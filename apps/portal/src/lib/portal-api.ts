/**
 * Every API call the portal makes, as small typed functions: paths, parameters and bodies are
 * checked by the compiler against the API's contract (`AppType`), which `.astro` pages are not
 * (tsc does not read them). Calls that forms show errors for return `attempt` results; reads
 * that a page cannot do without throw `ApiError` (404 → "not found", others → the error page).
 * The customer's calls are here; the staff's are grouped under `agent` (lib/agent-api.ts) and
 * `admin` (lib/admin-api.ts).
 */
import type { CriticalityId, Locale, RequestCategoryId, RequestStatusId } from "@cirrus/domain";
import type { AstroGlobal } from "astro";
import { adminCalls } from "./admin-api.ts";
import { agentCalls } from "./agent-api.ts";
import { ApiError, api, attempt, type Caller, ok } from "./api.ts";
import { callerOf } from "./auth.ts";
import type { RequestDetail } from "./requests.ts";

/** Filters of the requests list (GET /v1/requests). */
export interface RequestQuery {
  statuses?: readonly RequestStatusId[];
  category?: RequestCategoryId;
  q?: string;
  cursor?: string;
  limit?: number;
}

/**
 * The portal's calls for one caller.
 * @example const calls = portalApi({ token, locale: "fr" }); const me = await calls.me();
 */
export function portalApi(caller: Caller) {
  const v1 = api(caller).v1;
  // Hono's client names the path parameter `:id`; the value goes in `param` of each call.
  const request = v1.requests[":id"];
  return {
    // Authentication
    login: (email: string, password: string) =>
      attempt(() => v1.auth.login.$post({ json: { email, password } })),
    logout: () => attempt(() => v1.auth.logout.$post()),
    requestPasswordReset: (email: string) =>
      attempt(() => v1.auth["password-reset"].$post({ json: { email } })),
    confirmPasswordReset: (token: string, password: string) =>
      attempt(() => v1.auth["password-reset"].confirm.$post({ json: { token, password } })),
    invitation: (token: string) => attempt(() => v1.invitations[":token"].$get({ param: { token } })),
    acceptInvitation: (token: string, password: string, name?: string) =>
      attempt(() =>
        v1.invitations[":token"].accept.$post({
          param: { token },
          json: { password, ...(name ? { name } : {}) },
        }),
      ),

    // The signed-in user
    me: async () => ok(await v1.me.$get()),
    updateMe: (changes: { name?: string; locale?: Locale }) => attempt(() => v1.me.$patch({ json: changes })),
    changePassword: (currentPassword: string, newPassword: string) =>
      attempt(() => v1.me.password.$post({ json: { currentPassword, newPassword } })),
    sessions: async () => ok(await v1.me.sessions.$get()),
    revokeSession: (id: string) => attempt(() => v1.me.sessions[":id"].$delete({ param: { id } })),

    // Requests
    listRequests: async (query: RequestQuery) =>
      ok(
        await v1.requests.$get({
          query: {
            ...(query.statuses?.length ? { status: query.statuses.join(",") } : {}),
            ...(query.category ? { category: query.category } : {}),
            ...(query.q ? { q: query.q } : {}),
            ...(query.cursor ? { cursor: query.cursor } : {}),
            limit: String(query.limit ?? 20),
          },
        }),
      ),
    /** One request, or null when it does not exist for this customer (another organization's included). */
    getRequest: async (id: string): Promise<RequestDetail | null> => {
      try {
        return await ok(await request.$get({ param: { id } }));
      } catch (error) {
        if (error instanceof ApiError && error.problem.status === 404) return null;
        throw error;
      }
    },
    openRequest: (input: {
      subject: string;
      body: string;
      category: RequestCategoryId;
      criticality?: CriticalityId;
      linkedRequestId?: string;
      attachmentIds?: string[];
    }) => attempt(() => v1.requests.$post({ json: input })),
    reply: (id: string, body: string, attachmentIds: readonly string[] = []) =>
      attempt(() =>
        request.messages.$post({
          param: { id },
          json: { body, ...(attachmentIds.length > 0 ? { attachmentIds: [...attachmentIds] } : {}) },
        }),
      ),
    close: (id: string) => attempt(() => request.close.$post({ param: { id } })),
    reopen: (id: string) => attempt(() => request.reopen.$post({ param: { id } })),
    decideQuote: (id: string, quoteId: string, decision: "accept" | "decline") => {
      const quote = request.quotes[":quoteId"];
      return attempt(() =>
        (decision === "accept" ? quote.accept : quote.decline).$post({ param: { id, quoteId } }),
      );
    },

    // Staff
    agent: agentCalls(v1),
    admin: adminCalls(v1),
  };
}

export type PortalApi = ReturnType<typeof portalApi>;

/** The calls for the current request's caller (its session token and language). */
export function callsFor(astro: Pick<AstroGlobal, "locals" | "request" | "clientAddress">): PortalApi {
  return portalApi(callerOf(astro));
}
