/**
 * Build-time configuration of the help center: where the portal and the API live. Read from
 * `PUBLIC_PORTAL_URL` and `PUBLIC_API_URL` when the site is built (the site is static).
 */
import { defaultApiUrl, defaultPortalUrl, withoutTrailingSlash } from "./lib/defaults.ts";

const env = import.meta.env;

export const portalUrl = withoutTrailingSlash(env.PUBLIC_PORTAL_URL || defaultPortalUrl);
export const apiUrl = withoutTrailingSlash(env.PUBLIC_API_URL || defaultApiUrl);

/** The portal's "new request" page, target of every "Open a request" link. */
export const newRequestUrl = `${portalUrl}/requests/new`;
/** The API's feedback endpoint (POST JSON). */
export const feedbackUrl = `${apiUrl}/v1/feedback`;
