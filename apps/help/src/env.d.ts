// Types of the build-time environment variables the help center reads.
/// <reference types="astro/client" />

interface ImportMetaEnv {
  readonly PUBLIC_PORTAL_URL?: string;
  readonly PUBLIC_API_URL?: string;
}
interface ImportMeta {
  readonly env: ImportMetaEnv;
}

declare module "virtual:cirrus-client-scripts" {
  /** Public URLs of the bundled browser scripts. */
  const urls: Readonly<Record<"search" | "search-page" | "feedback", string>>;
  export default urls;
}
