/**
 * Peak memory and CPU time of a process tree, by polling /proc (Linux): the largest sum of the
 * resident set sizes of a process and all its descendants seen while it runs, and the CPU time
 * (user + system) each of them used. `/usr/bin/time` may be absent.
 */
import { readdirSync, readFileSync } from "node:fs";

function children(): Map<number, number[]> {
  const tree = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const list = tree.get(ppid) ?? [];
      list.push(Number(entry));
      tree.set(ppid, list);
    } catch {
      // The process ended while we looked.
    }
  }
  return tree;
}

function rssBytes(pid: number): number {
  try {
    const match = readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmRSS:\s+(\d+) kB/m);
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** CPU time (user + system, all threads) of a process so far, in milliseconds. */
function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // utime and stime are fields 14 and 15 of the stat line (11 and 12 after the command name).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return 0;
  }
}

function descendants(root: number): number[] {
  const tree = children();
  const all: number[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop() as number;
    all.push(pid);
    stack.push(...(tree.get(pid) ?? []));
  }
  return all;
}

/** Current RSS of a process and its descendants. */
export function treeRss(root: number): number {
  return descendants(root).reduce((sum, pid) => sum + rssBytes(pid), 0);
}

/** Polls a process tree until stopped: the peak total RSS, and the CPU time its processes used. */
export function watchPeak(root: number, everyMs = 50): { stop(): { peakBytes: number; cpuMs: number } } {
  let peak = 0;
  const cpu = new Map<number, number>();
  const sample = () => {
    let rss = 0;
    for (const pid of descendants(root)) {
      rss += rssBytes(pid);
      cpu.set(pid, Math.max(cpu.get(pid) ?? 0, cpuMs(pid)));
    }
    peak = Math.max(peak, rss);
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return { peakBytes: peak, cpuMs: [...cpu.values()].reduce((a, b) => a + b, 0) };
    },
  };
}
