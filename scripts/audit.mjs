// Dependency audit for CI: sends every package@version of pnpm-lock.yaml to the npm registry's
// bulk advisory endpoint and fails on high or critical advisories. When the advisory service cannot
// be reached at all, the audit says so loudly and does not block (a missing answer is not a
// vulnerability).
//
// Tried from this build environment (2026): `npx -y pnpm@10.34.8 audit --audit-level high` fails
// with ERR_PNPM_AUDIT_BAD_RESPONSE — registry.npmjs.org/-/npm/v1/security/audits/quick and its
// fallback /-/npm/v1/security/audits both answer 405 — and this script's POST to
// /-/npm/v1/security/advisories/bulk (what `npm audit` uses) answers 405 too. Where either works,
// this script (or `pnpm audit --audit-level high`) blocks CI on high severity as intended.
import { readFileSync } from "node:fs";

const lock = readFileSync(new URL("../pnpm-lock.yaml", import.meta.url), "utf8");
const section = lock.split(/^packages:\s*$/m)[1]?.split(/^snapshots:\s*$/m)[0] ?? "";
const packages = {};
for (const match of section.matchAll(/^ {2}'?(@?[^@\s'][^@\s']*)@([^(:'\s]+)/gm)) {
  const [, name, version] = match;
  packages[name] ??= new Set();
  packages[name].add(version);
}
const body = Object.fromEntries(Object.entries(packages).map(([name, versions]) => [name, [...versions]]));
const count = Object.values(body).reduce((n, v) => n + v.length, 0);

let response;
try {
  response = await fetch("https://registry.npmjs.org/-/npm/v1/security/advisories/bulk", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
} catch (error) {
  response = { ok: false, status: `unreachable (${error.message})` };
}
if (!response.ok) {
  console.warn(
    `!! dependency audit NOT RUN: the advisory service answered ${response.status} for ${count} packages.`,
  );
  console.warn("!! Run `pnpm audit --prod` where the registry's audit endpoints are reachable.");
  process.exit(0);
}
const advisories = await response.json();
let blocking = 0;
for (const [name, list] of Object.entries(advisories)) {
  for (const a of list) {
    console.log(`${a.severity.padEnd(9)} ${name} ${a.vulnerable_versions}: ${a.title} (${a.url})`);
    if (a.severity === "high" || a.severity === "critical") blocking++;
  }
}
console.log(`dependency audit: ${count} packages checked, ${blocking} high/critical advisories`);
process.exit(blocking > 0 ? 1 : 0);
