/**
 * E-mail attachments join the attachment store: real SMTP on loopback to our listener, then the
 * files are read back through the API like portal uploads — and what is refused is reported.
 */
import { randomBytes } from "node:crypto";
import { attachmentLimits } from "@cirrus/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storeMailAttachments } from "../attachments/mail.ts";
import type { AttachmentStorage } from "../attachments/storage.ts";
import { createLogger } from "../logger.ts";
import { type Actor, createTestApp, type TestApp, testConfig } from "../test-support/app.ts";
import { pngBytes, sha256 } from "../test-support/attachments.ts";
import { outboxTo as queuedMailsTo } from "../test-support/database.ts";
import { type MailOptions, messageIds, sendToSupport } from "../test-support/smtp-relay.ts";
import { type InboundServer, startInboundServer } from "./inbound.ts";

const MB = 1024 * 1024;
let t: TestApp;
let inbound: InboundServer;
let agent: Actor;
/** Files the listener wrote to storage: a file stored then deleted again still counts. */
let contentWrites = 0;

/** The real storage, counting writes (seeing whether a refused mail stored anything, even briefly). */
function counting(storage: AttachmentStorage): AttachmentStorage {
  return {
    kind: storage.kind,
    store(kind) {
      const store = storage.store(kind);
      return {
        read: (id) => store.read(id),
        remove: (id) => store.remove(id),
        write: (id, chunks) => {
          contentWrites++;
          return store.write(id, chunks);
        },
      };
    },
  };
}

beforeAll(async () => {
  t = await createTestApp();
  agent = await t.user("agent");
  inbound = await startInboundServer({
    host: "127.0.0.1",
    port: 0,
    // Room for an over-size attachment (base64 on the wire), so the per-file rule is what refuses it.
    maxBytes: 20 * MB,
    deps: {
      db: t.db,
      clock: t.clock.now,
      links: testConfig,
      attachments: counting(t.attachments),
      logger: createLogger("silent"),
    },
  });
});
afterAll(async () => {
  await inbound.close();
  await t.close();
});

const messageId = messageIds("attachments");
const send = (options: MailOptions) => sendToSupport(inbound.port, options);

const pdfBytes = () =>
  new Uint8Array(Buffer.concat([Buffer.from("%PDF-1.7\n"), randomBytes(20_000), Buffer.from("\n%%EOF\n")]));
const exeBytes = () => new Uint8Array(Buffer.concat([Buffer.from("MZ"), randomBytes(5000)]));
const htmlBytes = () => new Uint8Array(Buffer.from("<!DOCTYPE html><html><script>alert(1)</script></html>"));

interface Presented {
  id: string;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
}

async function messagesOf(actor: Actor, requestId: string) {
  const res = await t.call("GET", `/v1/requests/${requestId}`, { token: actor.token });
  expect(res.status).toBe(200);
  return ((await res.json()) as { messages: Array<{ body: string; attachments: Presented[] }> }).messages;
}

async function onlyRequestOf(actor: Actor) {
  const res = await t.call("GET", "/v1/requests", { token: actor.token });
  const { items } = (await res.json()) as { items: Array<{ id: string; reference: string }> };
  expect(items).toHaveLength(1);
  return items[0] as { id: string; reference: string };
}

async function download(actor: Actor, id: string): Promise<Uint8Array> {
  const res = await t.call("GET", `/v1/attachments/${id}`, { token: actor.token });
  expect(res.status).toBe(200);
  return new Uint8Array(await res.arrayBuffer());
}

async function attachmentCount(): Promise<number> {
  const row = await t.db
    .selectFrom("attachments")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const outboxTo = (address: string) => queuedMailsTo(t.db, address);

async function customer(tier: "premium" | "paying" | "free" = "premium") {
  const org = await t.organization(tier);
  return t.user("customer", org.id);
}

describe("attachments of a mail that becomes a message", () => {
  it("attaches a PNG and a PDF to the new request's first message, downloadable by customer and agent", async () => {
    const claire = await customer();
    const png = pngBytes(40);
    const pdf = pdfBytes();
    const info = await send({
      from: claire.user.email,
      subject: "Facture illisible",
      text: "Voir la capture et la facture.",
      attachments: [
        { filename: "Capture d’écran.png", content: Buffer.from(png), contentType: "image/png" },
        // No extension: the type comes from the content, and the name gets the matching one.
        { filename: "facture", content: Buffer.from(pdf), contentType: "application/octet-stream" },
      ],
      messageId: messageId(),
    });
    expect(info.response).toMatch(/request-opened/);

    const request = await onlyRequestOf(claire);
    const [first] = await messagesOf(claire, request.id);
    expect(first?.body).toBe("Voir la capture et la facture.");
    // Sorted: files of one message stored in the same millisecond have no order of their own.
    const files = [...(first?.attachments ?? [])].sort((a, b) => a.name.localeCompare(b.name));
    expect(files).toEqual([
      expect.objectContaining({
        name: "Capture d’écran.png",
        mediaType: "image/png",
        size: png.length,
        sha256: sha256(png),
      }),
      expect.objectContaining({
        name: "facture.pdf",
        mediaType: "application/pdf",
        size: pdf.length,
        sha256: sha256(pdf),
      }),
    ]);
    const [pngFile, pdfFile] = files;
    for (const reader of [claire, agent]) {
      expect(sha256(await download(reader, String(pngFile?.id)))).toBe(sha256(png));
      expect(sha256(await download(reader, String(pdfFile?.id)))).toBe(sha256(pdf));
    }
    // Everything was kept: the acknowledgement does not mention attachments.
    const mails = await outboxTo(claire.user.email);
    expect(mails.map((m) => m.kind)).toEqual(["request-received"]);
    expect(mails[0]?.textBody).not.toContain("non conservée");
  });

  it("attaches a reply's file to the reply message, and sends no 'not kept' notice", async () => {
    const marc = await customer("paying");
    await send({ from: marc.user.email, subject: "Export", text: "Export vide.", messageId: messageId() });
    const request = await onlyRequestOf(marc);
    t.clock.advance(60_000);
    const log = new Uint8Array(Buffer.from("2026-11-26 10:00 export started\n2026-11-26 10:01 0 rows\n"));
    const info = await send({
      from: marc.user.email,
      subject: `Re: [${request.reference}] Export`,
      text: "Voici le journal.",
      attachments: [{ filename: "export.log", content: Buffer.from(log) }],
      messageId: messageId(),
    });
    expect(info.response).toMatch(/reply-added/);
    const messages = await messagesOf(marc, request.id);
    expect(messages.map((m) => m.attachments.map((a) => a.name))).toEqual([[], ["export.log"]]);
    expect(messages[1]?.body).toBe("Voici le journal.");
    expect(sha256(await download(agent, String(messages[1]?.attachments[0]?.id)))).toBe(sha256(log));
    expect((await outboxTo(marc.user.email)).map((m) => m.kind)).toEqual(["request-received"]);
  });

  it("keeps the PNG but not an .exe or an HTML file, and names only those as not kept", async () => {
    const karim = await customer();
    await send({ from: karim.user.email, subject: "Installeur", text: "Bonjour.", messageId: messageId() });
    const request = await onlyRequestOf(karim);
    t.clock.advance(60_000);
    const png = pngBytes(16);
    const before = await attachmentCount();
    await send({
      from: karim.user.email,
      subject: `Re: [${request.reference}] Installeur`,
      text: "Voici l’installeur et la page.",
      attachments: [
        // Named like a harmless PDF: recognised as an executable by its MZ header.
        { filename: "setup.pdf", content: Buffer.from(exeBytes()) },
        { filename: "page.html", content: Buffer.from(htmlBytes()), contentType: "text/html" },
        { filename: "capture.png", content: Buffer.from(png) },
      ],
      messageId: messageId(),
    });
    expect(await attachmentCount()).toBe(before + 1);
    const reply = (await messagesOf(karim, request.id))[1];
    expect(reply?.attachments.map((a) => [a.name, a.sha256])).toEqual([["capture.png", sha256(png)]]);
    expect(reply?.body).toBe(
      "Voici l’installeur et la page.\n\n[Pièces jointes non conservées : setup.pdf (5 kB), page.html (1 kB)]",
    );
    const notice = (await outboxTo(karim.user.email)).find((m) => m.kind === "attachments-not-kept");
    expect(notice?.textBody).toContain("2 pièces jointes non conservées : setup.pdf, page.html.");
    expect(notice?.textBody).not.toContain("capture.png");
  });

  it(`keeps at most ${attachmentLimits.maxFilesPerMessage} files, and none over the per-file size`, async () => {
    const julien = await customer();
    const files = Array.from({ length: attachmentLimits.maxFilesPerMessage + 1 }, (_, i) => ({
      filename: `capture-${i + 1}.png`,
      content: Buffer.from(pngBytes(4)),
    }));
    const big = pngBytes(8, attachmentLimits.maxFileBytes);
    await send({
      from: julien.user.email,
      subject: "Beaucoup de captures",
      text: "Les voici.",
      // The over-size one first: refused, it must not take a place among the five.
      attachments: [{ filename: "enorme.png", content: Buffer.from(big) }, ...files],
      messageId: messageId(),
    });
    const request = await onlyRequestOf(julien);
    const [first] = await messagesOf(julien, request.id);
    expect(first?.attachments.map((a) => a.name).sort()).toEqual(
      files.slice(0, attachmentLimits.maxFilesPerMessage).map((f) => f.filename),
    );
    expect(first?.body).toMatch(/\[Pièces jointes non conservées : enorme\.png \(\d+ kB\), capture-6\.png/);
    const [ack] = await outboxTo(julien.user.email);
    expect(ack?.textBody).toContain("2 pièces jointes non conservées : enorme.png, capture-6.png.");
  });

  it("keeps files in mail order while they fit the per-message total", async () => {
    const owner = await customer();
    const nine = (n: number) => ({ filename: `part-${n}.png`, content: pngBytes(8, 9 * MB) });
    const small = { filename: "petit.png", content: pngBytes(8) };
    const { kept, refused } = await storeMailAttachments(
      { db: t.db, storage: t.attachments },
      owner.user,
      [nine(1), nine(2), nine(3), small],
      t.clock.now(),
    );
    // 9 + 9 MB fit in 25 MB, a third does not; the small one still does.
    expect(kept.map((a) => a.name)).toEqual(["part-1.png", "part-2.png", "petit.png"]);
    expect(refused.map((f) => f.filename)).toEqual(["part-3.png"]);
    expect(kept.every((a) => a.uploaderId === owner.user.id && a.messageId === null)).toBe(true);
  });
});

describe("attachments of a mail that becomes no message", () => {
  it("stores nothing more for the same Message-ID delivered twice", async () => {
    const claire = await customer();
    const mail = {
      from: claire.user.email,
      subject: "Doublon",
      text: "Une fois.",
      attachments: [{ filename: "capture.png", content: Buffer.from(pngBytes(8)) }],
      messageId: messageId(),
    };
    const firstWrites = contentWrites;
    expect((await send(mail)).response).toMatch(/request-opened/);
    expect(contentWrites).toBe(firstWrites + 1);
    const after = await attachmentCount();
    const writes = contentWrites;
    expect((await send(mail)).response).toMatch(/duplicate/);
    expect(await attachmentCount()).toBe(after);
    expect(contentWrites).toBe(writes);
    const [first] = await messagesOf(claire, (await onlyRequestOf(claire)).id);
    expect(first?.attachments).toHaveLength(1);
  });

  it("stores nothing for an unknown sender nor for a customer whose plan has no e-mail support", async () => {
    const julie = await customer("free");
    const before = await attachmentCount();
    const writes = contentWrites;
    for (const from of [julie.user.email, `stranger-${Date.now()}@elsewhere.example`]) {
      const info = await send({
        from,
        subject: "Capture",
        text: "Voir pièce jointe.",
        attachments: [{ filename: "capture.png", content: Buffer.from(pngBytes(8)) }],
        messageId: messageId(),
      });
      expect(info.response).toMatch(/auto-reply/);
    }
    expect(await attachmentCount()).toBe(before);
    expect(contentWrites).toBe(writes);
    const chunks = await t.db
      .selectFrom("attachmentChunks")
      .leftJoin("attachments", "attachments.id", "attachmentChunks.attachmentId")
      .select("attachmentChunks.attachmentId")
      .where("attachments.id", "is", null)
      .execute();
    expect(chunks).toEqual([]);
  });

  it("keeps one copy when the same mail arrives on two connections at once (the other is cleared)", async () => {
    const claire = await customer();
    const before = await attachmentCount();
    const mail = {
      from: claire.user.email,
      subject: "Envoyé deux fois",
      text: "En même temps.",
      attachments: [{ filename: "capture.png", content: Buffer.from(pngBytes(8)) }],
      messageId: messageId(),
    };
    // Both may store the file before either commits; the one that turns out a duplicate deletes its copy.
    const responses = (await Promise.all([send(mail), send(mail)])).map((info) => info.response);
    expect(responses.filter((r) => /request-opened/.test(r))).toHaveLength(1);
    expect(responses.filter((r) => /duplicate/.test(r))).toHaveLength(1);
    expect(await attachmentCount()).toBe(before + 1);
    const [first] = await messagesOf(claire, (await onlyRequestOf(claire)).id);
    expect(first?.attachments).toHaveLength(1);
    const orphans = await t.db
      .selectFrom("attachmentChunks")
      .leftJoin("attachments", "attachments.id", "attachmentChunks.attachmentId")
      .select("attachmentChunks.attachmentId")
      .where("attachments.id", "is", null)
      .execute();
    expect(orphans).toEqual([]);
  });
});
