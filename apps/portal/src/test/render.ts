/** Test helper: renders a portal component to HTML with Astro's container API, with request locals. */
import type { Locale } from "@cirrus/domain";
import { experimental_AstroContainer as AstroContainer } from "astro/container";

type Component = Parameters<AstroContainer["renderToString"]>[0];

let container: AstroContainer | undefined;

export async function render(
  component: Component,
  props: Record<string, unknown>,
  locale: Locale = "fr",
): Promise<string> {
  container ??= await AstroContainer.create();
  const html = await container.renderToString(component, {
    props,
    locals: { user: null, token: null, locale },
  });
  return html.replace(/ data-astro-[a-z0-9-]+(="[^"]*")?/g, "");
}

/** The text of an HTML fragment: tags removed, common entities decoded, spaces collapsed. */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}
