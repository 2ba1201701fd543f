import type { CaseRow, Repositories, ScopePrincipals } from '../../../db';
import {
  checkCreditCode,
  checkIdNumber,
  openCaseStatuses,
  type CaseStatus,
  type RepeatMatch,
} from '../../contract';
import { addMonths } from '../dates';

// Repeat-dispute detection (重复纠纷): before a new case is saved, show open cases and any case
// of the last 12 months that shares a party's ID number or credit code, or has a party of the
// same name in the same township. The clerk links them or says why the new case is separate.
// Only cases in the clerk's scope are shown: another committee's files stay its own.

export interface RepeatQuery {
  township: string;
  parties: { name: string; idNumber?: string | undefined; creditCode?: string | undefined }[];
  excludeCaseId?: string | undefined;
}

export async function findRepeats(
  repos: Repositories,
  scope: ScopePrincipals,
  today: string,
  query: RepeatQuery,
): Promise<RepeatMatch[]> {
  const since = addMonths(today, -12);
  const found = new Map<string, { row: CaseRow; reasons: Set<string> }>();
  const note = (row: CaseRow, reason: string) => {
    if (row.id === query.excludeCaseId || row.status === 'voided') return;
    if (!openCaseStatuses.includes(row.status as CaseStatus) && row.receivedOn < since) return;
    const entry = found.get(row.id) ?? { row, reasons: new Set<string>() };
    entry.reasons.add(reason);
    found.set(row.id, entry);
  };

  // Every office's record of the person (migration 0026: the county holds each township's own).
  const partyIds = new Map<string, string>();
  for (const p of query.parties) {
    if (p.idNumber) {
      const check = checkIdNumber(p.idNumber, today);
      const same = check.ok ? repos.parties.allByIdNumber('resident_id', check.value.normalized) : [];
      for (const party of same) partyIds.set(party.id, `同一身份证号码：${party.name}`);
    }
    if (p.creditCode) {
      const check = checkCreditCode(p.creditCode);
      const same = check.status !== 'invalid' ? repos.parties.allByCreditCode(check.normalized) : [];
      for (const party of same) partyIds.set(party.id, `同一统一社会信用代码：${party.name}`);
    }
  }
  for (const row of repos.cases.casesOfParties([...partyIds.keys()], scope))
    note(row, partyIds.get(row.matchedPartyId)!);

  const names = [...new Set(query.parties.map((p) => p.name.trim()).filter((n) => n.length >= 2))];
  if (query.township) {
    for (const row of repos.cases.casesByNamesInTownship(query.township, names, scope)) {
      note(row, `${query.township}同名当事人：${row.matchedName}`);
    }
  }

  if (!found.size) return []; // the usual intake: no catalogue names needed
  const types = repos.catalog.names().disputeTypes;
  return [...found.values()]
    .sort((a, b) => b.row.receivedOn.localeCompare(a.row.receivedOn))
    .slice(0, 20)
    .map(({ row, reasons }) => ({
      caseId: row.id,
      caseNumber: row.caseNumber,
      status: row.status as CaseStatus,
      receivedOn: row.receivedOn,
      disputeTypeName: types.get(row.disputeType) ?? row.disputeType,
      township: row.township,
      partyNames: row.partyNames,
      reasons: [...reasons],
    }));
}
