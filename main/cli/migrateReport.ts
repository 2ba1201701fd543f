import type { MigrationProgress, MigrationReport } from '../core/centre/migrate';
import { KEYS_LINE } from '../core/centre/migrate';

// What the migration command prints: its progress as it goes, then the verification table.

const count = (n: number) => n.toLocaleString('zh-CN');

/** Columns line up on a terminal, where a Chinese character takes two places. */
const width = (text: string) => [...text].reduce((w, ch) => w + (/[\u2e80-\uffef]/.test(ch) ? 2 : 1), 0);
const padEnd = (text: string, to: number) => text + ' '.repeat(Math.max(0, to - width(text)));
const padStart = (text: string, to: number) => ' '.repeat(Math.max(0, to - width(text))) + text;

/** One line per step worth telling (null: nothing to print for it). */
export function progressLine(p: MigrationProgress): string | null {
  switch (p.stage) {
    case 'keys':
      return `已写入用户密钥：${count(p.users)} 个账号（原密码和恢复码在县中心同样有效）`;
    case 'copy':
      return `[${String(p.index).padStart(2)}/${p.of}] 复制 ${padEnd(p.table, 26)} ${padStart(count(p.rows), 9)} 行`;
    case 'index':
      return p.done === p.of || p.done % 1000 === 0
        ? `重建案件的检索索引和可见范围：${count(p.done)}/${count(p.of)} 件`
        : null;
    case 'verify':
      return p.index === 1 ? `正在逐表核对行数和校验值（共 ${p.of} 张表）…` : null;
    case 'commit':
      return '核对一致，正在提交…';
  }
}

const skippedWhy: Record<MigrationReport['skipped'][number]['kind'], string> = {
  omitted: '本机数据库自身的版本记录，县中心以 schema_version 记录版本',
  storage: '全文检索索引的内部存储',
  rebuilt: '全文检索索引，已在县中心按每件案件重新生成',
};

/** The verification table: each table on both sides, and the audit chain. */
export function reportLines(report: MigrationReport): string[] {
  const columns = (name: string, here: string, there: string, hash: string, result: string) =>
    `${padEnd(name, 30)}${padStart(here, 10)}${padStart(there, 12)}  ${padEnd(hash, 18)}${result}`;
  const lines = [columns('数据表', '本机行数', '县中心行数', '校验值（前16位）', '结果')];
  for (const t of report.tables) {
    const name = t.table === KEYS_LINE ? `${KEYS_LINE}（用户密钥）` : t.table;
    const hash = t.equal ? t.hash.slice(0, 16) : `${t.hash.slice(0, 7)}≠${t.centreHash.slice(0, 7)}`;
    lines.push(columns(name, count(t.rows), count(t.centreRows), hash, t.equal ? '一致' : '不一致'));
  }
  const a = report.audit;
  lines.push(
    '',
    `审计日志（在县中心校验）：${a.message}；链头校验值 ${a.head}`,
    `检索索引：${count(report.cases)} 件案件已在县中心重新生成`,
  );
  const kinds = new Map<keyof typeof skippedWhy, string[]>();
  for (const s of report.skipped) kinds.set(s.kind, [...(kinds.get(s.kind) ?? []), s.name]);
  for (const [kind, names] of kinds) lines.push(`未复制：${names.join('、')}（${skippedWhy[kind]}）`);
  return lines;
}
