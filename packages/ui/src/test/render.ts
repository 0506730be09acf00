/** Test helper: renders a component of this package to HTML with Astro's container API. */
import { experimental_AstroContainer as AstroContainer } from "astro/container";

type Component = Parameters<AstroContainer["renderToString"]>[0];

let container: AstroContainer | undefined;

export async function render(
  component: Component,
  props: Record<string, unknown> = {},
  slots: Record<string, string> = {},
): Promise<string> {
  container ??= await AstroContainer.create();
  const html = await container.renderToString(component, { props, slots });
  // Dev-mode annotations (source locations, scoping ids) are noise for assertions.
  return html.replace(/ data-astro-[a-z0-9-]+(="[^"]*")?/g, "");
}

/** The text of an HTML fragment: tags removed, entities of the components decoded, spaces collapsed. */
export function textOf(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/[ \t\r\n]+/g, " ")
    .trim();
}
