import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  acceptedExtensions,
  attachmentLimits,
  attachmentTypeByMediaType,
  attachmentTypes,
  detectAttachmentType,
  formatFileSize,
  hasAcceptedExtension,
  sanitizeFileName,
} from "./attachments.ts";

/** UTF-8 bytes of a string, without Node's Buffer or TextEncoder (the domain's tests are pure too). */
const utf8 = (text: string): number[] =>
  (encodeURIComponent(text).match(/%[0-9A-F]{2}|[^%]/g) ?? []).map((t) =>
    t.length === 3 ? Number.parseInt(t.slice(1), 16) : t.charCodeAt(0),
  );
const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? utf8(p) : p)));
const png = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0, 0, 0, 13], "IHDR");
const zip = bytes([0x50, 0x4b, 0x03, 0x04], "rest");

describe("attachment limits", () => {
  it("are those of the issue: 5 files, 10 MB each, 25 MB per message", () => {
    expect(attachmentLimits).toEqual({
      maxFilesPerMessage: 5,
      maxFileBytes: 10 * 1024 * 1024,
      maxMessageBytes: 25 * 1024 * 1024,
    });
  });
});

describe("detectAttachmentType", () => {
  it.each([
    ["png", png, "capture.png"],
    ["png", png, "capture.txt"], // content wins over the name
    ["jpeg", bytes([0xff, 0xd8, 0xff, 0xe0]), "photo.jpg"],
    ["gif", bytes("GIF89a", [1, 0]), "a.gif"],
    ["webp", bytes("RIFF", [0, 0, 0, 0], "WEBPVP8 "), "a.webp"],
    ["pdf", bytes("%PDF-1.7\n"), "facture.pdf"],
    ["gzip", bytes([0x1f, 0x8b, 8, 0]), "logs.tar.gz"],
    ["zip", zip, "export.zip"],
    ["xlsx", zip, "Export.XLSX"],
    ["docx", zip, "note.docx"],
    ["zip", zip, "program.exe"],
    ["csv", bytes("id;nom\n1;Dupont\n"), "export.csv"],
    ["json", bytes('{"a":1}'), "data.json"],
    ["text", bytes("2026-11-26 ERROR Connexion refusée\r\n\tat x"), "server.log"],
    ["text", bytes("Bonjour, voici l’erreur : « échec »"), "notes.txt"],
    ["text", bytes("日本語のログ 🙂\n"), "notes.txt"],
    ["text", bytes([0xef, 0xbb, 0xbf], "id;nom\n"), "bom.txt"],
    ["text", bytes("root:x:0:0:root:/root:/bin/bash\n"), "passwd"],
  ] as const)("recognises %s (%s)", (expected, head, name) => {
    expect(detectAttachmentType(head, name)).toBe(expected);
  });

  it.each([
    ["a Windows executable", bytes("MZ", [0x90, 0]), "setup.png"],
    ["an ELF binary", bytes([0x7f, 0x45, 0x4c, 0x46, 2]), "tool.txt"],
    ["a Mach-O binary", bytes([0xcf, 0xfa, 0xed, 0xfe]), "app.txt"],
    ["a shell script", bytes("#!/bin/sh\nrm -rf /\n"), "run.txt"],
    ["an HTML page named .txt", bytes("  <!DOCTYPE html><script>alert(1)</script>"), "page.txt"],
    ["an SVG image", bytes('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>'), "logo.svg"],
    ["an SVG renamed .txt", bytes("<?xml version='1.0'?><svg/>"), "logo.txt"],
    ["text with an unknown extension", bytes("hello"), "page.html"],
    ["text with NUL bytes", bytes("abc", [0], "def"), "a.txt"],
    ["invalid UTF-8", bytes([0xc3, 0x28, 0x41]), "a.txt"],
    ["an overlong encoding", bytes([0xe0, 0x80, 0xaf]), "a.txt"],
    ["a UTF-16 surrogate", bytes([0xed, 0xa0, 0x80]), "a.txt"],
    ["a C1 control character", bytes("a", [0xc2, 0x85], "b"), "a.txt"],
    ["an HTML page after a byte-order mark", bytes([0xef, 0xbb, 0xbf], "<html><body>"), "a.txt"],
    ["an empty file", new Uint8Array(), "empty.txt"],
    ["unknown binary", bytes([1, 2, 3, 4, 5]), "data.bin"],
  ])("refuses %s", (_label, head, name) => {
    expect(detectAttachmentType(head, name)).toBeNull();
  });

  it("accepts text whose sniffed prefix ends inside a multi-byte character", () => {
    const text = bytes("é".repeat(3000)); // 6000 bytes
    expect(detectAttachmentType(text.subarray(0, 4095), "a.txt")).toBe("text");
  });

  it("never throws on arbitrary bytes and names", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.string(), (head, name) => {
        const type = detectAttachmentType(head, name);
        expect(type === null || type in attachmentTypes).toBe(true);
      }),
    );
  });
});

describe("allow-list", () => {
  it("has no HTML, SVG, script or executable type and only raster images render inline", () => {
    const mediaTypes = Object.values(attachmentTypes).map((t) => t.mediaType);
    for (const bad of ["text/html", "image/svg+xml", "application/javascript", "application/x-msdownload"])
      expect(mediaTypes).not.toContain(bad);
    const inline = Object.values(attachmentTypes).filter((t) => t.display === "image");
    expect(inline.map((t) => t.mediaType).sort()).toEqual([
      "image/gif",
      "image/jpeg",
      "image/png",
      "image/webp",
    ]);
  });

  it("lists accepted extensions for the file picker and checks names", () => {
    expect(acceptedExtensions).toContain(".png");
    expect(acceptedExtensions).not.toContain(".svg");
    expect(hasAcceptedExtension("Capture d’écran.PNG")).toBe(true);
    expect(hasAcceptedExtension("virus.exe")).toBe(false);
    expect(hasAcceptedExtension("noextension")).toBe(false);
    expect(attachmentTypeByMediaType("image/png")).toBe("png");
    expect(attachmentTypeByMediaType("text/html")).toBeUndefined();
  });
});

describe("sanitizeFileName", () => {
  it.each([
    ["../../etc/passwd", "passwd"],
    ["..\\..\\windows\\system.ini", "system.ini"],
    ["rapport\u0000\r\n.pdf", "rapport.pdf"],
    ["facture\u202Egnp.exe", "facturegnp.exe"],
    ['a"b<c>.txt', "a_b_c_.txt"],
    ["  .hidden  ", "hidden"],
    ["Capture d’écran  du 26.png", "Capture d’écran du 26.png"],
    ["../", "fichier"],
    ["", "fichier"],
  ])("%j → %j", (raw, expected) => {
    expect(sanitizeFileName(raw)).toBe(expected);
  });

  it("keeps the extension of a very long name", () => {
    const name = sanitizeFileName(`${"a".repeat(500)}.xlsx`);
    expect([...name].length).toBe(180);
    expect(name.endsWith(".xlsx")).toBe(true);
  });

  it("never returns a path, control characters or an empty name", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (raw) => {
        const name = sanitizeFileName(raw);
        expect(name.length).toBeGreaterThan(0);
        expect([...name].length).toBeLessThanOrEqual(180);
        // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting their absence.
        expect(name).not.toMatch(/[/\\\u0000-\u001f\u007f]/);
        expect(name.startsWith(".")).toBe(false);
      }),
    );
  });
});

describe("formatFileSize", () => {
  it.each([
    [850, "fr", "850\u00a0o"],
    [12_288, "fr", "12\u00a0Ko"],
    [1_572_864, "fr", "1,5\u00a0Mo"],
    [1_572_864, "en", "1.5\u00a0MB"],
    [10 * 1024 * 1024, "en", "10\u00a0MB"],
  ] as const)("%d bytes in %s → %j", (n, locale, expected) => {
    expect(formatFileSize(n, locale)).toBe(expected);
  });
});
