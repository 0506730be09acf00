/**
 * A streaming `multipart/form-data` reader: yields each file part as it arrives, as a stream, so a
 * handler can check and store one file while the next is still on the wire. Built on busboy
 * (@fastify/busboy), which never buffers a whole part.
 */
import { Readable, Transform } from "node:stream";
import { Busboy, type BusboyFileStream } from "@fastify/busboy";

export interface FilePart {
  readonly field: string;
  readonly fileName: string;
  readonly content: BusboyFileStream;
}

/** Why a multipart body was given up. */
export class MultipartError extends Error {
  readonly reason: "malformed" | "too-large" | "too-many-files";
  constructor(reason: MultipartError["reason"]) {
    super(`multipart body refused: ${reason}`);
    this.reason = reason;
  }
}

export interface MultipartLimits {
  /** Largest file; a longer one is cut and its stream's `truncated` is set. */
  readonly fileBytes: number;
  /** Most file parts; more end the body with "too-many-files". */
  readonly files: number;
  /** Largest whole body; beyond it reading stops with "too-large". */
  readonly bodyBytes: number;
}

/**
 * The file parts of a multipart body, in order. Text fields are ignored (uploads carry files only).
 * The consumer must read (or `resume()`) each part's content before asking for the next one.
 */
export async function* fileParts(
  body: ReadableStream<Uint8Array> | null,
  contentType: string,
  limits: MultipartLimits,
): AsyncGenerator<FilePart> {
  let parser: import("@fastify/busboy").BusboyInstance;
  try {
    parser = Busboy({
      headers: { "content-type": contentType },
      limits: { fileSize: limits.fileBytes, files: limits.files, fields: 20, fieldSize: 1024, parts: 40 },
    });
  } catch {
    throw new MultipartError("malformed");
  }
  const queue: FilePart[] = [];
  let finished = false;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  // The part being read: if the body has to be given up mid-part, its reader must hear of it.
  let latest: BusboyFileStream | undefined;
  parser.on("file", (field, content, fileName) => {
    latest = content;
    // Its reader sees errors through iteration; without a reader (given up) they must not crash us.
    content.on("error", () => {});
    queue.push({ field, fileName, content });
    notify();
  });
  parser.on("filesLimit", () => {
    failure ??= new MultipartError("too-many-files");
    notify();
  });
  parser.on("finish", () => {
    finished = true;
    notify();
  });
  parser.on("error", () => {
    failure ??= new MultipartError("malformed");
    notify();
  });

  let received = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.length;
      if (received > limits.bodyBytes) done(new MultipartError("too-large"));
      else done(null, chunk);
    },
  });
  const source = body
    ? Readable.fromWeb(body as import("node:stream/web").ReadableStream)
    : Readable.from([]);
  source.on("error", (error) => {
    failure ??= error instanceof MultipartError ? error : new MultipartError("malformed");
    notify();
  });
  counter.on("error", (error) => {
    failure ??= error instanceof MultipartError ? error : new MultipartError("malformed");
    parser.destroy();
    if (latest && !latest.readableEnded) latest.destroy(failure);
    notify();
  });
  source.pipe(counter).pipe(parser);

  try {
    while (true) {
      const next = queue.shift();
      if (next) {
        yield next;
        continue;
      }
      if (failure) throw failure;
      if (finished) return;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  } finally {
    // Stopped early (an error, a refused file): discard what is left of the body, within its limit.
    for (const part of queue) part.content.resume();
    parser.on("file", (_field, content) => content.resume());
  }
}
