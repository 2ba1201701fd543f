// Where the database's bytes go (issue 18): SQLite's dbstat virtual table, page bytes per table
// and index, grouped into what a reader of the bench can act on — the full-text index, the audit
// log, the case history, documents and scans, parties, cases and their workflow, and the rest —
// each with its share and its bytes per stored case. Read on the app's own connection after the
// measured work, so it is the database the figures above were taken on.
import type { Database } from 'better-sqlite3-multiple-ciphers';

export interface SizeGroup {
  group: string;
  mb: number;
  share: number;
  bytesPerCase: number;
  /** The largest tables and indexes of the group, MB each. */
  largest: { name: string; mb: number }[];
}

/** Which group a table or index (by name) belongs to; the first match wins. */
const groups: [string, RegExp][] = [
  ['全文索引 FTS (case_search)', /^case_search/],
  ['审计日志 audit_log', /audit/],
  ['变更记录 case_history', /case_history/],
  ['文书与扫描件 documents, scans, attachments', /document|scan|attachment|dossier/],
  ['当事人 parties, case_parties', /part(y|ies)/],
  ['案件与办理 cases, numbers, workflow', /case|agreement|visit/],
];

export function databaseSizes(raw: Database, cases: number): SizeGroup[] {
  const rows = raw.prepare(`SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name`).all() as {
    name: string;
    bytes: number;
  }[];
  const total = rows.reduce((s, r) => s + r.bytes, 0);
  const byGroup = new Map<string, { name: string; bytes: number }[]>();
  for (const r of rows) {
    const group = groups.find(([, test]) => test.test(r.name))?.[0] ?? '其他 the rest';
    byGroup.set(group, [...(byGroup.get(group) ?? []), r]);
  }
  const mb = (b: number) => Math.round((b / 2 ** 20) * 10) / 10;
  return [...byGroup]
    .map(([group, members]) => {
      const bytes = members.reduce((s, m) => s + m.bytes, 0);
      return {
        group,
        mb: mb(bytes),
        share: Math.round((bytes / total) * 1000) / 10,
        bytesPerCase: Math.round(bytes / Math.max(1, cases)),
        largest: members
          .sort((a, b) => b.bytes - a.bytes)
          .slice(0, 3)
          .map((m) => ({ name: m.name, mb: mb(m.bytes) })),
      };
    })
    .sort((a, b) => b.mb - a.mb);
}
