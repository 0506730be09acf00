/**
 * What Linux's /proc says about a process: its children, CPU time and memory. For the process tests
 * (a cluster's workers) and the benchmarks (CPU per request, peak memory). Each returns 0 (or no
 * children) where /proc cannot be read: not Linux, or the process has ended.
 */
import { readdirSync, readFileSync } from "node:fs";

/** The fields of /proc/<pid>/stat after the command name (which may hold spaces and parentheses). */
function statFields(pid: number | string): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return undefined;
  }
}

/** The processes whose parent is `pid` (a cluster primary's workers). */
export function childPids(pid: number): number[] {
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return [];
  }
  // The parent's pid is the second field after the command name.
  return entries.filter((entry) => /^\d+$/.test(entry) && Number(statFields(entry)?.[1]) === pid).map(Number);
}

/** CPU time (user + system, all threads) a process has used, ms. */
export function cpuMs(pid: number): number {
  const fields = statFields(pid);
  // utime and stime: the 11th and 12th fields after the command name, in ticks of 10 ms (USER_HZ 100).
  return fields ? (Number(fields[11]) + Number(fields[12])) * 10 : 0;
}

/** A memory figure of /proc/<pid>/status (VmHWM: peak RSS; VmRSS: current RSS), bytes. */
export function statusBytes(pid: number, field: "VmHWM" | "VmRSS"): number {
  try {
    const match = readFileSync(`/proc/${pid}/status`, "utf8").match(
      new RegExp(`^${field}:\\s+(\\d+) kB`, "m"),
    );
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Proportional set size, bytes: RSS with each page shared with other processes counted in part. */
export function pssBytes(pid: number): number {
  try {
    const match = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8").match(/^Pss:\s+(\d+) kB/m);
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}
