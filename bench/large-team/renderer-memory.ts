import { readdirSync, readFileSync } from 'node:fs';

/**
 * The tab's memory as the operating system sees it: the summed resident memory (VmRSS, from
 * /proc/<pid>/status) of every Chromium renderer process started under this Node process. The
 * page, its Web Workers (the engine, DuckDB-WASM, the simulation pool) and their WASM heaps all
 * live in the renderer; the browser, GPU and utility processes are left out. Linux only: elsewhere
 * it reports nothing rather than a wrong figure.
 */
export interface MemorySampler {
  /** Starts a named phase: its peak is kept apart from the others (and from the whole run's). */
  phase(name: string): void;
  /** Peak bytes per phase, and over the whole run. */
  stop(): { peaks: Record<string, number>; peak: number; samples: number; pids: number[] };
}

const KB = 1024;

export function sampleRendererMemory(intervalMs = 200): MemorySampler {
  const peaks: Record<string, number> = {};
  let current = 'start';
  let peak = 0;
  let samples = 0;
  let pids: number[] = [];
  let lastScan = 0;
  const seen = new Set<number>();
  const tick = () => {
    const now = Date.now();
    // New renderers appear with each context: look for them every second, read them every tick.
    if (now - lastScan > 1000) {
      pids = rendererPids();
      pids.forEach((p) => seen.add(p));
      lastScan = now;
    }
    const bytes = pids.reduce((sum, pid) => sum + residentBytes(pid), 0);
    samples++;
    peak = Math.max(peak, bytes);
    peaks[current] = Math.max(peaks[current] ?? 0, bytes);
  };
  const timer = setInterval(tick, intervalMs);
  tick();
  return {
    phase(name) {
      tick();
      current = name;
    },
    stop() {
      tick();
      clearInterval(timer);
      return { peaks, peak, samples, pids: [...seen] };
    },
  };
}

/** Renderer processes (`--type=renderer`) among this process's descendants. */
function rendererPids(): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return [];
  }
  const parent = new Map<number, number>();
  for (const e of entries) {
    try {
      // The command name (field 2) may hold spaces and parentheses: read after its closing one.
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      parent.set(Number(e), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // Gone since the listing.
    }
  }
  const descends = (pid: number): boolean => {
    for (let p = parent.get(pid), hops = 0; p !== undefined && p > 1 && hops < 20; p = parent.get(p), hops++) if (p === process.pid) return true;
    return false;
  };
  return [...parent.keys()].filter((pid) => descends(pid) && commandLine(pid).includes('--type=renderer'));
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
}

function residentBytes(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * KB : 0;
  } catch {
    return 0;
  }
}
