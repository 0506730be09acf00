/**
 * Child processes of the benchmark: start a Node server script on a free loopback port, wait until
 * it answers, watch its memory (VmHWM: the kernel's own peak RSS), and stop it cleanly.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { childPids, cpuMs, pssBytes, statusBytes } from "../src/test-support/processes.ts";

/**
 * Node's flags in a package's `start` script (`node --flag … script`), so that a benchmark runs
 * the process as it is started for real.
 */
export function startFlags(packageDir: string): string[] {
  return startWords(packageDir).filter((word) => word.startsWith("--"));
}

/** The script a package's `start` runs (`node [flags] <script>`), e.g. the API's `dist/server.mjs`. */
export function startScript(packageDir: string): string {
  const script = startWords(packageDir).at(-1);
  if (!script || script.startsWith("-")) throw new Error(`no script in the start command of ${packageDir}`);
  return script;
}

function startWords(packageDir: string): string[] {
  const start = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")).scripts?.start;
  return typeof start === "string" ? start.split(/\s+/).filter(Boolean) : [];
}

export { freePort } from "../src/test-support/ports.ts";

export interface Child {
  readonly process: ChildProcess;
  readonly url: string;
  /**
   * Peak resident memory since start, bytes (VmHWM), summed over the process and its children (a
   * cluster's workers): an upper bound of what they held at once.
   */
  peakRss(): number;
  /** The largest of those peaks, bytes: the biggest single process. */
  largestPeakRss(): number;
  /**
   * Peak of the memory the process and its children occupy together, bytes: their PSS summed (pages
   * shared between a cluster's processes, such as Node's own code, counted once), sampled 4 times a
   * second. For one process it is close to its RSS.
   */
  peakPss(): number;
  /** Current resident memory, bytes (VmRSS), of the process and its children. */
  rss(): number;
  /** CPU time (user + system, all threads) used so far by the process and its children, milliseconds. */
  cpuMs(): number;
  stop(): Promise<void>;
}

/** The process and its children (a cluster primary's workers). */
const family = (pid: number) => [pid, ...childPids(pid)];
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/**
 * Starts `node [nodeArgs] script` with `env`, and resolves once `GET url + readyPath` answers 2xx.
 * The child's stdout (one access-log line per request) goes to /dev/null, as a log shipper would
 * take it away; stderr is kept to explain a failed start.
 */
export async function startChild(options: {
  script: string;
  cwd: string;
  env: Record<string, string>;
  port: number;
  readyPath: string;
  nodeArgs?: string[];
}): Promise<Child> {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), options.script], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const exited = new Promise<number | null>((done) => child.on("exit", (code) => done(code)));
  const url = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`${options.script} exited with ${child.exitCode}\n${stderr}`);
    try {
      const response = await fetch(url + options.readyPath);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`${options.script} did not answer within 60 s\n${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const pid = child.pid ?? 0;
  let peakPss = 0;
  const sampler = setInterval(() => {
    peakPss = Math.max(peakPss, sum(family(pid).map(pssBytes)));
  }, 250);
  sampler.unref();
  return {
    process: child,
    url,
    peakRss: () => sum(family(pid).map((p) => statusBytes(p, "VmHWM"))),
    largestPeakRss: () => Math.max(...family(pid).map((p) => statusBytes(p, "VmHWM"))),
    peakPss: () => peakPss,
    rss: () => sum(family(pid).map((p) => statusBytes(p, "VmRSS"))),
    cpuMs: () => sum(family(pid).map(cpuMs)),
    async stop() {
      clearInterval(sampler);
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
