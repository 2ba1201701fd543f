import type { DocumentCase, Party } from '../model';
import { formatDate } from './dates';
import { agentText, personAge } from './parties';
import { L, V, type Cell, type Row } from './tables';
import { whole } from './unbreakable';

// Party rows for grid forms (申请书): a shaded role row, then the party's fields in three
// label/value pairs. Six columns, sized so a date, a mobile number and 统一社会信用代码 fit.

export const PARTY_GRID = [1560, 2400, 860, 940, 1245, 1840] as const;

const roleRow = (text: string): Row => ({
  cells: [{ text, span: 6, label: true, shade: true, align: 'left' } satisfies Cell],
  minHeight: 420,
});

export function partyGridRows(c: DocumentCase, p: Party, roleLabel: string): Row[] {
  const rows: Row[] = [roleRow(roleLabel)];
  if (p.kind === 'person') {
    rows.push(
      { cells: [L('姓名'), V(p.name), L('性别'), V(p.sex), L('民族'), V(p.ethnicity)] },
      {
        cells: [
          L('出生日期'),
          V(formatDate(p.birthDate, c.settings.dateStyle)),
          L('年龄'),
          V(`${personAge(p, c.receivedDate)}岁`),
          L('职业'),
          V(p.occupation),
        ],
      },
      { cells: [L('证件号码'), V(`${p.idType} ${whole(p.idNumber)}`, 3), L('联系电话'), V(whole(p.phone))] },
      { cells: [L('住址'), V(p.address, 5)] },
    );
  } else {
    rows.push(
      { cells: [L('名称'), V(p.name, 5)] },
      { cells: [L('统一社会信用代码'), V(whole(p.uscc), 3), L('联系电话'), V(whole(p.phone))] },
      { cells: [L('住所'), V(p.address, 5)] },
      {
        cells: [L(p.representative.kind), V(p.representative.name), L('职务'), V(p.representative.title, 3)],
      },
    );
  }
  for (const agent of p.agents) {
    const [kind, ...rest] = agentText(agent).split('：');
    rows.push({ cells: [L(kind!), V(rest.join('：'), 5)] });
  }
  // A party's rows stay on one page: a name on one page and its ID on the next reads badly.
  return rows.map((row, i) => (i < rows.length - 1 ? { ...row, keepNext: true } : row));
}

/** Labels like 申请人（一）、申请人（二） when a role occurs more than once. */
export function numberedRoles(parties: readonly Party[]): Map<Party, string> {
  const counts = new Map<string, number>();
  for (const p of parties) counts.set(p.role, (counts.get(p.role) ?? 0) + 1);
  const seen = new Map<string, number>();
  const labels = new Map<Party, string>();
  const ordinal = '一二三四五六七八九十';
  for (const p of parties) {
    const n = (seen.get(p.role) ?? 0) + 1;
    seen.set(p.role, n);
    const many = (counts.get(p.role) ?? 0) > 1;
    labels.set(p, many ? `${p.role}（${n <= 10 ? ordinal[n - 1] : n}）` : p.role);
  }
  return labels;
}
