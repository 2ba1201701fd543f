import type { EventPayload } from '../../contract';

// The import's progress bar (issue 14): verifying, then checking or writing the records, then
// the cases' scope and search terms, each with done/total. It goes out as 'job:progress' — the
// one shape every progress bar reads (dossier and 省级报送 jobs) — under the id the screen chose
// for this call, so the screen follows its own call and nobody else's.

export type ImportStage = 'verify' | 'check' | 'apply' | 'index';

export const importStageLabels: Record<ImportStage, string> = {
  verify: '校验签名与清单',
  check: '核对记录（预览，不写入）',
  apply: '写入记录',
  index: '更新案件的范围与检索信息',
};

export interface ImportProgress {
  /** At each stage's start and after each page of records (or every 100 cases). */
  stage(stage: ImportStage, done: number, total: number): void;
  /** Runs the call, ending the bar as finished or failed. */
  run<T>(fn: () => Promise<T>): Promise<T>;
}

export const noProgress: ImportProgress = {
  stage: () => undefined,
  run: (fn) => fn(),
};

type Emit = (payload: EventPayload<'job:progress'>) => void;

export function importProgress(emit: Emit, jobId: string, label: string): ImportProgress {
  let last = { current: importStageLabels.verify, done: 0, total: 0 };
  const send = (state: EventPayload<'job:progress'>['state']) => emit({ jobId, label, ...last, state });
  return {
    stage(stage, done, total) {
      last = { current: importStageLabels[stage], done, total };
      send('running');
    },
    async run(fn) {
      try {
        const result = await fn();
        send('finished');
        return result;
      } catch (error) {
        send('failed');
        throw error;
      }
    },
  };
}
