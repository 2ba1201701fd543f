import type { CasePartyRow, PartyRow } from '../../../db';
import {
  agentAuthorityLabels,
  idTypeLabels,
  maskIdNumber,
  partyRoleLabels,
  sexLabels,
  type IdType,
  type PartyRole,
  type Sex,
} from '../../contract';
import type { FieldChange } from './history';

// What an edit changed about each party, field by field, as the case's history shows it: ID
// numbers masked as every screen masks them (the full number is never written into the history).

type Linked = { link: CasePartyRow; party: PartyRow };
type Field = [label: string, value: (p: Linked) => string | null];

const EMPTY = '（空）';
const role = (p: Linked) => partyRoleLabels[p.link.role as PartyRole];
const masked = (n: string | null) => (n ? maskIdNumber(n) : null);

const personFields: Field[] = [
  ['姓名', (p) => p.party.name],
  ['性别', (p) => (p.party.sex ? sexLabels[p.party.sex as Sex] : null)],
  ['民族', (p) => p.party.ethnicity],
  ['出生日期', (p) => p.party.birthDate],
  ['证件类型', (p) => (p.party.idType ? idTypeLabels[p.party.idType as IdType] : null)],
  ['证件号码', (p) => masked(p.party.idNumber)],
  ['职业', (p) => p.party.occupation],
  ['住址', (p) => p.party.address],
];
const organisationFields: Field[] = [
  ['单位名称', (p) => p.party.name],
  ['统一社会信用代码', (p) => p.party.creditCode],
  ['法定代表人（负责人）', (p) => p.party.representative],
  ['职务', (p) => p.party.representativeTitle],
  ['住所', (p) => p.party.address],
];
const sharedFields: Field[] = [
  ['联系电话', (p) => p.party.phone],
  ['身份', role],
  ['代理人', (p) => p.link.agentName],
  ['代理人与当事人关系', (p) => p.link.agentRelation],
  [
    '代理权限',
    (p) =>
      p.link.agentAuthority ? agentAuthorityLabels[p.link.agentAuthority as 'general' | 'special'] : null,
  ],
  ['代理事项', (p) => p.link.agentAuthorityDetail],
  ['代理人证件号码', (p) => masked(p.link.agentIdNumber)],
  ['代理人电话', (p) => p.link.agentPhone],
];

function fieldsOf(p: Linked): Field[] {
  return [...(p.party.kind === 'person' ? personFields : organisationFields), ...sharedFields];
}

/** Added and removed parties, and every changed field of the parties that stayed. */
export function partyChanges(before: Linked[], after: Linked[]): FieldChange[] {
  const changes: FieldChange[] = [];
  const kept = new Set(after.map((a) => a.link.id));
  for (const a of after) {
    const b = before.find((o) => o.link.id === a.link.id);
    if (!b) {
      changes.push({ field: `当事人“${a.party.name}”`, before: '（无）', after: `新增为${role(a)}` });
      continue;
    }
    // The same place in the case may now hold another party record (a different person chosen).
    const who = `当事人“${b.party.name}”`;
    for (const [label, value] of fieldsOf(a)) {
      const old = value(b);
      const now = value(a);
      if ((old ?? '') !== (now ?? ''))
        changes.push({ field: `${who} › ${label}`, before: old ?? EMPTY, after: now ?? EMPTY });
    }
  }
  for (const b of before) {
    if (!kept.has(b.link.id))
      changes.push({ field: `当事人“${b.party.name}”`, before: role(b), after: '已移出本案' });
  }
  return changes;
}
