/**
 * Where the CPU time went during a round, from /proc: the server core should be busy with the server
 * alone. Time stolen by the hypervisor, or spent on that core by other processes, means the round
 * measured the neighbours as much as the server.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Clock ticks per second, the unit of /proc times. */
const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

interface CoreTicks {
  readonly total: number;
  readonly idle: number;
  readonly steal: number;
}

export interface CpuSnapshot {
  readonly cores: readonly CoreTicks[];
  readonly serverTicks: number;
}

export interface CpuReport {
  /** Share of the round (0–1) stolen by the hypervisor, per core. */
  readonly steal: readonly number[];
  /** Share of the server core used by anything but the server. */
  readonly foreignOnServerCore: number;
  /** Share of the server core left idle: the load generator could not saturate the server. */
  readonly idleOnServerCore: number;
  /** CPU time the server itself used, in seconds. */
  readonly serverSeconds: number;
}

function readCores(): CoreTicks[] {
  const cores: CoreTicks[] = [];
  for (const line of readFileSync('/proc/stat', 'utf8').split('\n')) {
    const match = /^cpu(\d+)\s+(.*)$/.exec(line);
    if (!match) continue;
    // user nice system idle iowait irq softirq steal guest guest_nice (guest time is inside user).
    const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] =
      (match[2] as string).trim().split(/\s+/).map(Number);
    cores[Number(match[1])] = { total: user + nice + system + idle + iowait + irq + softirq + steal, idle: idle + iowait, steal };
  }
  return cores;
}

/** utime + stime of a process and all its threads, in clock ticks. */
function readProcessTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

/** CPU time a process has used so far (every thread), in milliseconds; 1 clock tick (10 ms) resolution. */
export function processCpuMs(pid: number): number {
  return (readProcessTicks(pid) / TICKS_PER_SECOND) * 1000;
}

export function snapshotCpu(serverPid: number): CpuSnapshot {
  return { cores: readCores(), serverTicks: readProcessTicks(serverPid) };
}

export function cpuBetween(before: CpuSnapshot, after: CpuSnapshot, serverCore: number): CpuReport {
  const steal = after.cores.map((core, i) => {
    const start = before.cores[i];
    const total = start ? core.total - start.total : 0;
    return total > 0 && start ? (core.steal - start.steal) / total : 0;
  });
  const end = after.cores[serverCore];
  const start = before.cores[serverCore];
  const server = after.serverTicks - before.serverTicks;
  const serverSeconds = server / TICKS_PER_SECOND;
  if (!end || !start) return { steal, foreignOnServerCore: 0, idleOnServerCore: 0, serverSeconds };
  const total = end.total - start.total;
  const idle = end.idle - start.idle;
  const busy = total - idle - (end.steal - start.steal);
  return {
    steal,
    foreignOnServerCore: total > 0 ? Math.max(0, busy - server) / total : 0,
    idleOnServerCore: total > 0 ? idle / total : 0,
    serverSeconds,
  };
}
