import { describe, expect, it } from "vitest";
import { attachmentUrl, fileDescription, keptFileField, keptFiles } from "./attachments.ts";
import { attachmentIdsField } from "./uploads.ts";

const file = (id: string, name = `${id}.png`) =>
  JSON.stringify({ id, name, size: 1_572_864, mediaType: "image/png" });

describe("keptFiles", () => {
  it("keeps the described files whose box is still checked, once each", () => {
    const form = new FormData();
    for (const id of ["a1", "b2", "c3"]) form.append(keptFileField, file(id));
    form.append(keptFileField, file("a1")); // twice
    form.append(attachmentIdsField, "a1");
    form.append(attachmentIdsField, "c3");
    expect(keptFiles(form).map((f) => f.id)).toEqual(["a1", "c3"]);
  });

  it("ignores descriptions that are not ours: bad JSON, missing fields, ids that are not ids", () => {
    const form = new FormData();
    form.append(keptFileField, "{not json");
    form.append(keptFileField, JSON.stringify({ id: "x1", name: "n" }));
    form.append(keptFileField, file("../../etc"));
    form.append(attachmentIdsField, "x1");
    form.append(attachmentIdsField, "../../etc");
    expect(keptFiles(form)).toEqual([]);
  });
});

describe("fileDescription", () => {
  it("names the type from the domain and the size in the page's language", () => {
    expect(fileDescription({ mediaType: "image/png", size: 1_572_864 }, "fr")).toBe(
      "Image PNG · 1,5\u00a0Mo",
    );
    expect(fileDescription({ mediaType: "application/pdf", size: 850 }, "en")).toBe(
      "PDF document · 850\u00a0B",
    );
  });
});

describe("attachmentUrl", () => {
  it("points at the portal's proxy, inline only when asked", () => {
    expect(attachmentUrl("abc")).toBe("/attachments/abc");
    expect(attachmentUrl("abc", true)).toBe("/attachments/abc?inline=1");
  });
});
