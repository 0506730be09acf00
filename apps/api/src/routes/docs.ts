/**
 * GET /openapi.json (generated from the same zod schemas that validate requests) and GET /docs, a
 * server-rendered API reference: plain HTML and CSS from this server, no CDN and no JavaScript, so
 * it works offline and under the API's strict Content-Security-Policy.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import { Hono } from "hono";
import type { AppEnv } from "../app-env.ts";
import { escapeHtml } from "../html.ts";

type Doc = ReturnType<OpenAPIHono<AppEnv>["getOpenAPI31Document"]>;
type Schema = Record<string, unknown>;

function schemaText(schema: unknown, doc: Doc, depth = 0, seen = new Set<string>()): string {
  if (!schema || typeof schema !== "object") return "any";
  const s = schema as Schema;
  const pad = "  ".repeat(depth + 1);
  if (typeof s.$ref === "string") {
    const name = s.$ref.split("/").pop() ?? "";
    if (seen.has(name) || depth > 4) return name;
    const target = (doc.components?.schemas as Record<string, unknown> | undefined)?.[name];
    return `${name} ${schemaText(target, doc, depth, new Set([...seen, name]))}`;
  }
  if (Array.isArray(s.enum)) return s.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (Array.isArray(s.anyOf))
    return (s.anyOf as unknown[]).map((x) => schemaText(x, doc, depth, seen)).join(" | ");
  if (s.type === "array") return `${schemaText(s.items, doc, depth, seen)}[]`;
  if (s.type === "object" || s.properties) {
    const props = (s.properties ?? {}) as Record<string, unknown>;
    const required = new Set((s.required as string[] | undefined) ?? []);
    const lines = Object.entries(props).map(
      ([key, value]) =>
        `${pad}${key}${required.has(key) ? "" : "?"}: ${schemaText(value, doc, depth + 1, seen)}`,
    );
    return lines.length ? `{\n${lines.join("\n")}\n${"  ".repeat(depth)}}` : "object";
  }
  const type = Array.isArray(s.type) ? s.type.join(" | ") : String(s.type ?? "any");
  const bounds = [
    s.minLength !== undefined ? `min ${s.minLength}` : "",
    s.maxLength !== undefined ? `max ${s.maxLength}` : "",
    s.minimum !== undefined ? `≥ ${s.minimum}` : "",
    s.maximum !== undefined ? `≤ ${s.maximum}` : "",
    s.format ? String(s.format) : "",
  ].filter(Boolean);
  return bounds.length ? `${type} (${bounds.join(", ")})` : type;
}

function renderReference(doc: Doc): string {
  const operations: Array<{ tag: string; method: string; path: string; op: Schema }> = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(item as Record<string, Schema>)) {
      operations.push({
        tag: ((op.tags as string[] | undefined) ?? ["Other"])[0] ?? "Other",
        method,
        path,
        op,
      });
    }
  }
  const tags = [...new Set(operations.map((o) => o.tag))];
  const section = (tag: string) =>
    `<section id="${escapeHtml(tag)}"><h2>${escapeHtml(tag)}</h2>${operations
      .filter((o) => o.tag === tag)
      .map(({ method, path, op }) => {
        const params = ((op.parameters as Schema[] | undefined) ?? [])
          .map(
            (p) =>
              `<li><code>${escapeHtml(String(p.name))}</code> (${escapeHtml(String(p.in))}${p.required ? ", required" : ""}): <code>${escapeHtml(schemaText(p.schema, doc))}</code></li>`,
          )
          .join("");
        const body = (op.requestBody as { content?: Record<string, { schema?: unknown }> } | undefined)
          ?.content?.["application/json"]?.schema;
        const responses = Object.entries(
          (op.responses ?? {}) as Record<
            string,
            { description?: string; content?: Record<string, { schema?: unknown }> }
          >,
        )
          .map(([status, r]) => {
            const schema = r.content ? Object.values(r.content)[0]?.schema : undefined;
            return `<li><strong>${escapeHtml(status)}</strong> ${escapeHtml(r.description ?? "")}${schema && status.startsWith("2") ? `<pre>${escapeHtml(schemaText(schema, doc))}</pre>` : ""}</li>`;
          })
          .join("");
        return `<article><h3><span class="m ${escapeHtml(method)}">${escapeHtml(method.toUpperCase())}</span> <code>${escapeHtml(path)}</code></h3>
<p>${escapeHtml(String(op.summary ?? ""))} <span class="access">access: ${escapeHtml(String(op["x-access"] ?? "public"))}</span></p>
${params ? `<h4>Parameters</h4><ul>${params}</ul>` : ""}${body ? `<h4>Body (application/json)</h4><pre>${escapeHtml(schemaText(body, doc))}</pre>` : ""}
<h4>Responses</h4><ul>${responses}</ul></article>`;
      })
      .join("")}</section>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.info.title)} — API reference</title><link rel="stylesheet" href="/docs/style.css"></head>
<body><header><h1>${escapeHtml(doc.info.title)} <small>${escapeHtml(doc.info.version)}</small></h1><p>${escapeHtml(doc.info.description ?? "")}</p>
<p>Machine-readable document: <a href="/openapi.json">/openapi.json</a>. Errors are <code>application/problem+json</code> with a stable <code>code</code>.</p>
<nav>${tags.map((t) => `<a href="#${escapeHtml(t)}">${escapeHtml(t)}</a>`).join(" · ")}</nav></header><main>${tags.map(section).join("")}</main></body></html>`;
}

const css = `body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1b2430;background:#f7f8fa}header,main{max-width:60rem;margin:auto;padding:1rem 1.5rem}
h1 small{font-size:.6em;color:#5b6675}nav a{margin-right:.3rem}section{margin-top:2rem}article{background:#fff;border:1px solid #dde2e8;border-radius:8px;padding:.5rem 1rem;margin:.75rem 0}
h3{font-size:1rem;margin:.4rem 0}.m{display:inline-block;min-width:4.2em;padding:0 .4em;border-radius:4px;color:#fff;font-size:.8rem;text-align:center;background:#445}
.get{background:#1f6feb}.post{background:#1a7f37}.patch{background:#9a6700}.delete{background:#cf222e}.put{background:#8250df}
.access{color:#5b6675;font-size:.85em;margin-left:.5rem}pre{background:#f2f4f7;padding:.5rem;border-radius:6px;overflow:auto;font-size:.85em}h4{margin:.5rem 0 .2rem;font-size:.9rem}`;

export function openApiDocument(app: OpenAPIHono<AppEnv>): Doc {
  return app.getOpenAPI31Document({
    openapi: "3.1.0",
    info: {
      title: "Cirrus Shield Support API",
      version: "1.0.0",
      description:
        "The support system of Cirrus Shield: accounts, requests, conversations, SLA, quotes. French by default (Accept-Language: en for English).",
    },
  });
}

export function docsRoutes(app: OpenAPIHono<AppEnv>) {
  let cached: { doc: Doc; html: string } | undefined;
  const built = () => {
    if (!cached) {
      const doc = openApiDocument(app);
      cached = { doc, html: renderReference(doc) };
    }
    return cached;
  };
  return new Hono<AppEnv>()
    .get("/openapi.json", (c) => c.json(built().doc))
    .get("/docs", (c) => {
      c.header("content-security-policy", "default-src 'none'; style-src 'self'; frame-ancestors 'none'");
      return c.html(built().html);
    })
    .get("/docs/style.css", (c) => {
      c.header("content-type", "text/css; charset=utf-8");
      c.header("cache-control", "public, max-age=3600");
      return c.body(css);
    });
}
