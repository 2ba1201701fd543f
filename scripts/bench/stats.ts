// Small helpers for the benchmark: timing, percentiles and the printed table.
import { performance } from 'node:perf_hooks';

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
