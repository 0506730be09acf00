/**
 * Files: upload (multipart, streamed to storage, pending until a message claims them by id) and
 * download (streamed, with the authorization of the message they belong to).
 */
import { attachmentLimits, attachmentTypeIds, attachmentTypes } from "@cirrus/domain";
import { z } from "@hono/zod-openapi";
import { authOf, defineRoute } from "../access.ts";
import { contentStream, downloadHeaders, findVisibleAttachment } from "../attachments/download.ts";
import { presentAttachment } from "../attachments/present.ts";
import { receiveUpload } from "../attachments/upload.ts";
import { createRouter } from "../router.ts";
import { AttachmentSchema } from "./request-schemas.ts";
import { IdParamSchema, json, problems } from "./schemas.ts";

export const uploadPath = "/v1/attachments";

const acceptedMediaTypes = [...new Set(attachmentTypeIds.map((id) => attachmentTypes[id].mediaType))];

const uploadAttachments = defineRoute("authenticated", {
  method: "post",
  path: uploadPath,
  tags: ["Attachments"],
  summary: "Upload files for a message (multipart, streamed)",
  description: [
    `Up to ${attachmentLimits.maxFilesPerMessage} files in \`files\` parts, each at most`,
    `${attachmentLimits.maxFileBytes} bytes, together at most ${attachmentLimits.maxMessageBytes}.`,
    "Types are recognised from the content (magic bytes), not the name; accepted:",
    `${acceptedMediaTypes.join(", ")}. Executables, HTML and SVG are refused (415).`,
    "The files stay pending (visible to the uploader only, deleted after 24 hours) until a message",
    "is sent with their ids in `attachmentIds`.",
  ].join(" "),
  request: {
    body: {
      required: true,
      content: {
        // A plain OpenAPI schema, not zod: the handler streams the parts itself instead of letting a
        // validator buffer the whole body.
        "multipart/form-data": {
          schema: {
            type: "object",
            required: ["files"],
            properties: {
              files: {
                type: "array",
                maxItems: attachmentLimits.maxFilesPerMessage,
                items: { type: "string", format: "binary" },
              },
            },
          },
        },
      },
    },
  },
  responses: {
    201: json(z.object({ items: z.array(AttachmentSchema) }), "Stored (pending)"),
    ...problems(400, 401, 413, 415, 422, 429),
  },
});

const downloadAttachment = defineRoute("authenticated", {
  method: "get",
  path: "/v1/attachments/{id}",
  tags: ["Attachments"],
  summary: "Download a file (streamed)",
  description:
    "Served as `attachment` unless `disposition=inline` is asked for a raster image (thumbnails). " +
    "Always `X-Content-Type-Options: nosniff` and a sandboxing CSP. Supports `If-None-Match` (ETag = SHA-256).",
  request: {
    params: IdParamSchema,
    query: z.object({ disposition: z.enum(["attachment", "inline"]).default("attachment") }),
  },
  responses: {
    200: {
      description: "The file's bytes",
      content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } },
    },
    304: { description: "Not modified (If-None-Match)" },
    ...problems(401, 404, 422),
  },
});

export function attachmentRoutes() {
  return createRouter()
    .openapi(uploadAttachments, async (c) => {
      const { db, clock, attachments } = c.get("deps");
      const { user } = authOf(c);
      const rows = await receiveUpload(
        { db, storage: attachments },
        user,
        c.req.raw.body,
        c.req.header("content-type"),
        clock(),
      );
      return c.json({ items: rows.map(presentAttachment) }, 201);
    })
    .openapi(downloadAttachment, async (c) => {
      const { db, attachments } = c.get("deps");
      const { user } = authOf(c);
      const attachment = await findVisibleAttachment(db, c.req.valid("param").id, user);
      const headers = downloadHeaders(attachment, c.req.valid("query").disposition === "inline");
      if (c.req.header("if-none-match") === headers.etag) {
        const { "content-length": _length, ...rest } = headers;
        return c.newResponse(null, 304, rest) as never;
      }
      return c.newResponse(contentStream(attachments, attachment), 200, headers) as never;
    });
}
