import type { Repositories } from '../../../db';
import type { AnchorState, ChainHead } from './anchor';
import { HEAD_KEY } from './log';

// The tail check: does the chain still reach the head recorded inside the database and the
// anchor outside it? Run at every unlock before the first append (an append would otherwise
// re-anchor a cut chain), and by 校验完整性.

/** Set once the anchor file has been written for this database: from then on it must exist. */
export const ANCHORED_KEY = 'audit.anchored';

/**
 * The setting that says a desk's anchor file exists. A desk's own database has one desk; on
 * the county centre's server each desk keeps an anchor of its own, so each has its own flag
 * (a desk that just joined has none yet, and is not told its anchor went missing).
 */
export function anchoredKey(deskId: string | null): string {
  return deskId ? `${ANCHORED_KEY}.desk.${deskId}` : ANCHORED_KEY;
}

export async function tailFindings(
  repos: Repositories,
  anchor: AnchorState,
  anchoredFlag = ANCHORED_KEY,
): Promise<string[]> {
  const findings: string[] = [];
  // With the chain's lock on the centre's server: no desk appends between this and the head's read.
  const last = repos.audit.lastForAppend();
  const have = last?.seq ?? 0;
  const head = await repos.settings.get<ChainHead>(HEAD_KEY);
  if (head) {
    if (have < head.seq) {
      findings.push(
        `审计日志末尾缺失记录：数据库记录的链头为第${head.seq}条，现只有${have}条（第${have + 1}–${head.seq}条被删除）`,
      );
    } else if (have > head.seq) {
      findings.push(`审计日志在数据库记录的链头（第${head.seq}条）之后多出${have - head.seq}条记录`);
    } else if (last && last.hash !== head.hash) {
      findings.push(`审计日志第${head.seq}条与数据库记录的链头不一致`);
    }
  } else if (last) {
    findings.push('数据库中的审计链头记录缺失');
  }

  if (anchor.kind === 'present' && anchor.head.seq > 0) {
    const at = anchor.head.seq;
    const entry = repos.audit.bySeq(at);
    if (!entry) {
      findings.push(
        `数据库中的审计日志比链头副本旧：链头副本记录到第${at}条，数据库只有${have}条（数据库可能从旧副本恢复，或日志被截断）`,
      );
    } else if (entry.hash !== anchor.head.hash) {
      findings.push(`审计日志第${at}条与链头副本不一致（数据库可能被替换，或日志被截断后重写）`);
    }
  } else if (anchor.kind === 'unreadable') {
    findings.push('链头副本（audit-anchor.json）无法读取');
  } else if (anchor.kind === 'missing' && (await repos.settings.get<boolean>(anchoredFlag))) {
    findings.push('链头副本（audit-anchor.json）缺失');
  }
  return findings;
}
