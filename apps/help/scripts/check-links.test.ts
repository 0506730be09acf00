// The built site has no broken internal link (run after `pnpm build`).
import { describe, expect, it } from "vitest";
import { defaultHelpUrl } from "../src/lib/defaults.ts";
import { checkLinks } from "./check-links.ts";
import { distDir } from "./dist-dir.ts";

describe("links of the built site", () => {
  it("all resolve, fragments included", async () => {
    const { checked, broken } = await checkLinks(distDir(), process.env.HELP_URL || defaultHelpUrl);
    expect(checked).toBeGreaterThan(100);
    expect(broken).toEqual([]);
  });
});

describe("the checker", () => {
  it("reports missing pages, missing fragments and missing trailing slashes", async () => {
    const { mkdtemp, mkdir, writeFile } = await import("node:fs/promises");
    const { join } = await import("node:path");
    const { tmpdir } = await import("node:os");
    const dir = await mkdtemp(join(tmpdir(), "links-"));
    await mkdir(join(dir, "a"));
    await writeFile(join(dir, "a", "index.html"), '<h2 id="here">x</h2>');
    await writeFile(
      join(dir, "index.html"),
      '<a href="/a/#here">ok</a><a href="/a/#gone">frag</a><a href="/b/">page</a><a href="/a">slash</a><a href="mailto:x@y.z">m</a><a href="https://example.com/">ext</a>',
    );
    const { checked, broken } = await checkLinks(dir);
    expect(checked).toBe(4);
    expect(broken.map((b) => b.link)).toEqual(["/a/#gone", "/b/", "/a"]);
    expect(broken[2]?.reason).toContain("missing trailing slash");
  });
});
