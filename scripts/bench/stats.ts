// Small helpers for the benchmark: timing, percentiles and the printed table.
import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

/** Nearest-rank percentiles of durations in milliseconds. */
export function summarise(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
  return {
    n: sorted.length,
    p50: round(at(50)),
    p95: round(at(95)),
    max: round(sorted[sorted.length - 1] ?? NaN),
  };
}

export async function timed<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  const start = performance.now();
  const value = await fn();
  return [value, performance.now() - start];
}

export function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export interface Row {
  metric: string;
  p50?: number;
  p95?: number;
  value?: string;
  target?: string;
  pass?: boolean;
  note?: string;
}

/** A plain-text table; width counts CJK characters as two columns. */
export function table(rows: Row[]): string {
  const head = ['指标 metric', 'p50', 'p95', 'target', '', 'note'];
  const cells = rows.map((r) => [
    r.metric,
    r.p50 !== undefined ? `${r.p50.toFixed(2)} ms` : (r.value ?? ''),
    r.p95 !== undefined ? `${r.p95.toFixed(2)} ms` : '',
    r.target ?? '',
    r.pass === undefined ? '' : r.pass ? '✓' : '✗',
    r.note ?? '',
  ]);
  const width = (s: string) =>
    [...s].reduce((w, ch) => w + (/[\u2E80-\uFFEF]/.test(ch) && ch !== '✓' && ch !== '✗' ? 2 : 1), 0);
  const widths = head.map((h, i) => Math.max(width(h), ...cells.map((c) => width(c[i]!))));
  const line = (c: string[]) =>
    c
      .map((s, i) => s + ' '.repeat(widths[i]! - width(s)))
      .join('  ')
      .trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

/**
 * This process's peak RSS in MB. On Linux from VmHWM, the high-water mark of the process's own
 * memory: `process.resourceUsage().maxRSS` of a child process starts at its parent's RSS when it
 * was spawned (Linux keeps the forked copy's high-water mark across exec), so a child of the
 * bench that measured with it reported the bench's memory, not its own.
 */
export function ownPeakRssMb(): number {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const kb = /^VmHWM:\s+(\d+)\s+kB/m.exec(status)?.[1];
    if (kb) return round(Number(kb) / 1024, 1);
  } catch {
    // not Linux: the portable figure
  }
  return round(process.resourceUsage().maxRSS / 1024, 1);
}
