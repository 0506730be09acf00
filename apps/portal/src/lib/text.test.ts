// Unit tests of lib/text.ts.
import { describe, expect, it } from "vitest";
import { escapeHtml, renderMessage } from "./text.ts";

describe("renderMessage", () => {
  it("escapes markup: a script tag stays text", () => {
    const html = renderMessage('<script>alert("x")</script>');
    expect(html).toBe("<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p>");
    expect(html).not.toContain("<script");
  });

  it("never turns javascript: into a link, Markdown or bare", () => {
    for (const body of [
      "[click](javascript:alert(1))",
      "javascript:alert(1)",
      '<a href="javascript:alert(1)">x</a>',
    ]) {
      const html = renderMessage(body);
      expect(html).not.toMatch(/<a\b/);
      expect(html).not.toContain('href="javascript');
    }
  });

  it("keeps event attributes inert", () => {
    const html = renderMessage('<img src=x onerror="alert(1)">');
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img");
  });

  it("links bare http(s) URLs without trailing punctuation", () => {
    expect(renderMessage("See https://example.com/a?b=1&c=2.")).toBe(
      '<p>See <a href="https://example.com/a?b=1&amp;c=2" rel="nofollow noopener noreferrer" target="_blank">https://example.com/a?b=1&amp;c=2</a>.</p>',
    );
  });

  it("does not let a URL break out of its attribute", () => {
    const html = renderMessage('https://example.com/"onmouseover="alert(1)');
    expect(html).toContain('href="https://example.com/"');
    expect(html).not.toContain('onmouseover="');
  });

  it("makes paragraphs, line breaks and code spans", () => {
    expect(renderMessage("one\ntwo\n\nuse `offset` <b>")).toBe(
      "<p>one<br>two</p><p>use <code>offset</code> &lt;b&gt;</p>",
    );
  });

  it("does not link inside code spans", () => {
    expect(renderMessage("`https://example.com`")).toBe("<p><code>https://example.com</code></p>");
  });
});

describe("escapeHtml", () => {
  it("escapes the five special characters", () => {
    expect(escapeHtml(`&<>"'`)).toBe("&amp;&lt;&gt;&quot;&#39;");
  });
});
