// Where the memory goes (issue 18: "where the heap goes at peak, a heap snapshot summary, not only
// RSS"). Two pictures:
//   - at the peak of the database work: the process's memory split into V8's heap, memory held
//     outside it (Buffers, typed arrays) and the rest (SQLite's page cache, code, the allocator);
//   - a heap snapshot at the end, its objects summed by constructor (or kind: strings, code,
//     arrays), largest first. The snapshot file is parsed after every figure has been read and
//     deleted at once: writing it needs about as much memory again as the heap.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeHeapSnapshot } from 'node:v8';
import { round } from './stats';

const mb = (bytes: number) => round(bytes / 2 ** 20, 1);

export interface MemoryPicture {
  rssMb: number;
  heapUsedMb: number;
  heapTotalMb: number;
  /** Buffers, typed arrays and other memory V8 objects hold outside the heap. */
  externalMb: number;
  /** RSS less V8's heap and the external memory: SQLite's page cache, code, the allocator. */
  restMb: number;
}

export function memoryPicture(): MemoryPicture {
  const m = process.memoryUsage();
  return {
    rssMb: mb(m.rss),
    heapUsedMb: mb(m.heapUsed),
    heapTotalMb: mb(m.heapTotal),
    externalMb: mb(m.external),
    restMb: mb(m.rss - m.heapTotal - m.external),
  };
}

export interface HeapGroup {
  name: string;
  mb: number;
  count: number;
}

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

/** The heap's objects summed by constructor or kind, the `top` largest (self sizes). */
export function heapSnapshotSummary(dir: string, top = 10): { totalMb: number; groups: HeapGroup[] } {
  const file = writeHeapSnapshot(join(dir, 'bench.heapsnapshot'));
  try {
    const s = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
    const fields = s.snapshot.meta.node_fields;
    const types = s.snapshot.meta.node_types[0];
    const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f)) as [
      number,
      number,
      number,
    ];
    const groups = new Map<string, { bytes: number; count: number }>();
    let total = 0;
    for (let i = 0; i < s.nodes.length; i += fields.length) {
      const type = types[s.nodes[i + typeAt]!]!;
      const name = type === 'object' || type === 'native' ? s.strings[s.nodes[i + nameAt]!]! : `(${type})`;
      const bytes = s.nodes[i + sizeAt]!;
      total += bytes;
      const g = groups.get(name) ?? { bytes: 0, count: 0 };
      g.bytes += bytes;
      g.count += 1;
      groups.set(name, g);
    }
    return {
      totalMb: mb(total),
      groups: [...groups]
        .sort((a, b) => b[1].bytes - a[1].bytes)
        .slice(0, top)
        .map(([name, g]) => ({ name: name.slice(0, 40), mb: mb(g.bytes), count: g.count })),
    };
  } finally {
    rmSync(file, { force: true });
  }
}
