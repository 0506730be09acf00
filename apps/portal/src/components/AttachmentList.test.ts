// AttachmentList: names escaped, thumbnails only for images, every file a download through the portal.
import { describe, expect, it } from "vitest";
import { render, textOf } from "../test/render.ts";
import AttachmentList from "./AttachmentList.astro";

const base = { sha256: "0".repeat(64), createdAt: "2026-11-26T10:00:00.000Z" };

describe("AttachmentList", () => {
  it("shows a thumbnail for an image, a plain link for other files, names escaped", async () => {
    const html = await render(AttachmentList, {
      attachments: [
        { ...base, id: "img1", name: "capture.png", mediaType: "image/png", size: 1_572_864, inline: true },
        {
          ...base,
          id: "doc1",
          name: '"><img src=x onerror=alert(1)>.pdf',
          mediaType: "application/pdf",
          size: 850,
          inline: false,
        },
      ],
    });
    expect(html).toContain('src="/attachments/img1?inline=1"');
    expect(html).not.toContain("/attachments/doc1?inline=1");
    expect(html).toContain('href="/attachments/doc1"');
    // The name's quote is escaped, so it cannot close the attribute and open a tag.
    expect(html).toContain('download="&quot;><img src=x onerror=alert(1)>.pdf"');
    expect(html).toContain("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;.pdf</a>");
    expect(html.match(/<img src="/g)).toHaveLength(1);
    const text = textOf(html);
    expect(text).toMatch(/Image PNG · 1,5\s+Mo/);
    expect(text).toMatch(/Document PDF · 850\s+o/);
  });

  it("renders nothing for a message without files", async () => {
    expect((await render(AttachmentList, { attachments: [] })).trim()).toBe("");
  });
});
