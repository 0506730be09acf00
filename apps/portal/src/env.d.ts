/// <reference types="astro/client" />
/** What the middleware puts on every request (see src/middleware.ts). */
declare namespace App {
  interface Locals {
    /** The signed-in user (from GET /v1/me), or null. */
    user: import("./lib/auth.ts").PortalUser | null;
    /** The API session token from the cookie, when the user is signed in. */
    token: string | null;
    /** The page's language: the user's preference, else the switcher's cookie, else French. */
    locale: import("@cirrus/domain").Locale;
    /** Set by the new-request page: lets the Content-Security-Policy load the help center's search. */
    helpSearch?: boolean;
  }
}
