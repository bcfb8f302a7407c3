import { cpus, loadavg, totalmem } from 'node:os';
import type { Machine } from './report';

export function describeMachine(): Machine {
  const cores = cpus();
  return {
    cpus: cores.length,
    cpuModel: cores[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    chromium: null,
    loadAverage: { start: round2(loadavg()[0]!), end: null },
  };
}

export function finishMachine(machine: Machine, found: Partial<Machine>[]): Machine {
  const merged = Object.assign({}, machine, ...found) as Machine;
  return { ...merged, loadAverage: { start: machine.loadAverage.start, end: round2(loadavg()[0]!) } };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
