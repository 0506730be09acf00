/** Test helper: renders a help-center component to HTML with Astro's container API. */
import { experimental_AstroContainer as AstroContainer } from "astro/container";

type Component = Parameters<AstroContainer["renderToString"]>[0];

let container: AstroContainer | undefined;

export async function render(component: Component, props: Record<string, unknown> = {}): Promise<string> {
  container ??= await AstroContainer.create();
  const html = await container.renderToString(component, { props });
  // Dev-mode annotations (source locations, scoping ids) are noise for assertions.
  return html.replace(/ data-astro-[a-z0-9-]+(="[^"]*")?/g, "");
}
