// Type of `.astro` imports for tsc (Astro's editor tooling provides richer types).
declare module "*.astro" {
  import type { experimental_AstroContainer } from "astro/container";

  const Component: Parameters<experimental_AstroContainer["renderToString"]>[0];
  export default Component;
}
