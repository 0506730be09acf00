/**
 * Reading a posted form that carries files, without holding the files: the browser's multipart
 * body is parsed as it streams in (busboy); text fields are collected; each file is piped straight
 * into its own upload to the API (`POST /v1/attachments`, multipart, streamed), which checks it
 * (type by content, size) and keeps it pending until the message is sent with its id.
 *
 * Forms put the file input after the text fields, and browsers send fields in document order, so
 * the text is always read even when a file is refused: nothing typed is lost. Files refused are
 * reported by name; files accepted stay attached to the draft (hidden `attachmentIds` fields) if
 * the message itself is refused, so they need not be chosen again.
 */
import { Readable } from "node:stream";
import { ReadableStream as NodeReadableStream } from "node:stream/web";
import { attachmentLimits, formatFileSize, type Locale } from "@cirrus/domain";
import { Busboy } from "@fastify/busboy";
import { translate } from "../i18n/index.ts";
import { ApiError, apiFetch, apiHeaders, type Caller, type Problem, readProblem } from "./api.ts";
import { config } from "./config.ts";
import { problemMessage } from "./forms.ts";
import { isId } from "./ids.ts";
import type { Attachment } from "./requests.ts";

/** The file input's name in every form that attaches files. */
export const filesField = "files";
/** Hidden fields of files already uploaded for this draft. */
export const attachmentIdsField = "attachmentIds";

/** Framing and text fields on top of one message's files. */
const bodyAllowance = 2 * 1024 * 1024;
/** An upload over a slow connection may take a while; the API streams it as it comes. */
const uploadTimeoutMs = 10 * 60 * 1000;

export interface PostedForm {
  /** The text fields, as `request.formData()` would give them. */
  readonly fields: FormData;
  /** Files the API accepted in this post. */
  readonly uploaded: readonly Attachment[];
  /** One sentence per refused file ("« x.exe » : …"). */
  readonly refused: readonly string[];
}

/** Whether a request carries a multipart body (a form with a file input). */
export function isMultipart(request: Request): boolean {
  return (request.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data");
}

/** `filename` in a part header, escaped as browsers do (HTML's multipart/form-data encoding). */
function quotedName(name: string): string {
  return name.replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/"/g, "%22");
}

/** Streams one file to the API as a one-file multipart upload; resolves with its answer. */
async function uploadOne(
  caller: Caller,
  fileName: string,
  content: Readable,
): Promise<{ ok: true; attachment: Attachment } | { ok: false; problem: Problem }> {
  const boundary = `----cirrus-portal-${crypto.randomUUID()}`;
  const encoder = new TextEncoder();
  // Not destroyed if the API stops reading early: the rest of the browser's body must still flow.
  const chunks = content.iterator({ destroyOnReturn: false });
  const body: BodyInit = NodeReadableStream.from(
    (async function* () {
      yield encoder.encode(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${quotedName(fileName)}"\r\n` +
          "Content-Type: application/octet-stream\r\n\r\n",
      );
      for await (const chunk of chunks) yield new Uint8Array(chunk as Buffer);
      yield encoder.encode(`\r\n--${boundary}--\r\n`);
    })(),
  ) as unknown as ReadableStream<Uint8Array>;
  try {
    const response = await apiFetch(
      `${config.apiUrl}/v1/attachments`,
      {
        method: "POST",
        body,
        headers: { ...apiHeaders(caller), "content-type": `multipart/form-data; boundary=${boundary}` },
        // Node's fetch needs `duplex` for a streamed body; the DOM's RequestInit type lacks it.
        duplex: "half",
      } as RequestInit,
      uploadTimeoutMs,
    );
    if (!response.ok) return { ok: false, problem: await readProblem(response) };
    const { items } = (await response.json()) as { items: Attachment[] };
    const attachment = items[0];
    if (!attachment) throw new Error("upload answered without the file");
    return { ok: true, attachment };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, problem: error.problem };
    throw error;
  } finally {
    content.resume(); // whatever the API did not read is discarded, so the next part can come
  }
}

/** The sentence for a refused file, naming it. */
function refusal(fileName: string, problem: Problem, locale: Locale): string {
  return translate(locale, "files.refused", { name: fileName, reason: problemMessage(problem, locale) });
}

/**
 * Reads a posted form; files in `files` parts are uploaded to the API for `caller` as they arrive.
 * More than the per-message number of files: the extra ones are refused without being sent.
 * @example const posted = await readPostedForm(Astro.request, callerOf(Astro))
 */
export async function readPostedForm(request: Request, caller: Caller): Promise<PostedForm> {
  const fields = new FormData();
  const uploaded: Attachment[] = [];
  const refused: string[] = [];
  const contentType = request.headers.get("content-type") ?? "";
  if (!request.body || !isMultipart(request)) return { fields, uploaded, refused };

  let parser: ReturnType<typeof Busboy>;
  try {
    parser = Busboy({
      headers: { "content-type": contentType },
      limits: {
        // One byte over the limit reaches the API, which then refuses the file with its own problem.
        fileSize: attachmentLimits.maxFileBytes + 1,
        fieldSize: 100_000,
        fields: 50,
        parts: 100,
      },
    });
  } catch {
    return { fields, uploaded, refused };
  }

  // Uploads run one at a time, in order: busboy hands over the next part once this one is read.
  let uploads = Promise.resolve();
  let files = 0;
  let received = 0;
  const maxBody = attachmentLimits.maxMessageBytes + bodyAllowance;

  const done = new Promise<void>((resolve, reject) => {
    parser.on("field", (name, value) => fields.append(name, value));
    parser.on("file", (field, content, fileName) => {
      content.on("error", () => {}); // reported through the upload's own failure
      if (field !== filesField || fileName === "") {
        content.resume(); // an empty file input sends an empty, nameless part
        return;
      }
      files++;
      if (files + checkedIds(fields).length > attachmentLimits.maxFilesPerMessage) {
        content.resume();
        refused.push(
          translate(caller.locale, "files.tooMany", {
            name: fileName,
            max: attachmentLimits.maxFilesPerMessage,
          }),
        );
        return;
      }
      uploads = uploads.then(async () => {
        try {
          const result = await uploadOne(caller, fileName, content);
          if (result.ok) uploaded.push(result.attachment);
          else refused.push(refusal(fileName, result.problem, caller.locale));
        } catch {
          refused.push(translate(caller.locale, "files.broken"));
        }
      });
    });
    parser.on("finish", () => resolve());
    parser.on("error", (error: unknown) => reject(error));
  });

  const source = Readable.fromWeb(request.body as import("node:stream/web").ReadableStream);
  source.on("data", (chunk: Buffer) => {
    received += chunk.length;
    if (received > maxBody) source.destroy(new Error("body too large"));
  });
  source.on("error", (error) => parser.destroy(error));
  source.pipe(parser);
  try {
    await done;
  } catch {
    if (received > maxBody) {
      refused.push(
        translate(caller.locale, "files.tooLarge", {
          max: formatFileSize(attachmentLimits.maxMessageBytes, caller.locale),
        }),
      );
    } else refused.push(translate(caller.locale, "files.broken"));
  }
  await uploads;
  return { fields, uploaded, refused };
}

/** Ids of the files kept (boxes still checked) from an earlier post of the same draft. */
export function checkedIds(fields: FormData): string[] {
  return fields
    .getAll(attachmentIdsField)
    .filter((v): v is string => typeof v === "string" && isId(v))
    .slice(0, attachmentLimits.maxFilesPerMessage);
}
