import { randomUUID } from 'node:crypto';
import type { PartyRow, PartySuggestionRow, Repositories, ScopePrincipals, Syncable } from '../../../db';
import {
  checkCreditCode,
  checkIdNumber,
  maskIdNumber,
  sexLabels,
  type IdType,
  type ParsedPartyInput,
  type PartySuggestion,
  type Sex,
} from '../../contract';
import { queryToMatch } from './searchTerms';
import { ValidationError } from '../errors';

// Turning what the clerk typed into party records. A person with an ID number, or an
// organisation with a credit code, is one record however many cases they appear in: the
// newest intake refreshes its details (address, phone); an empty field never erases old data.
// The county (and a township a case came down to) may also hold the records other offices made
// of the same person (migration 0026): one per office, each kept as its office made it. They are
// one person to every look-up; an intake reuses the one the clerk chose, else the one this case
// already names, else this office's own, else the oldest — it never adds a record of its own
// beside them, and never merges them (which of two townships' addresses is right is for a
// person to say, on the record itself).

export interface ResolvedParty {
  row: PartyRow;
  /** Non-blocking notes, e.g. a credit code whose check character looks wrong. */
  warnings: string[];
}

function fieldError(index: number, field: string, label: string, message: string): ValidationError {
  return ValidationError.field(['parties', index, field], `当事人 › 第${index + 1}项 › ${label}`, message);
}

function merged<T>(incoming: T | undefined | null, existing: T | null): T | null {
  return incoming === undefined || incoming === null ? existing : incoming;
}

export function resolveParty(
  repos: Repositories,
  input: ParsedPartyInput,
  index: number,
  context: {
    today: string;
    now: string;
    officeId: string;
    /** The parties the case names now (an edit keeps them). */
    linked?: ReadonlySet<string>;
  },
): ResolvedParty {
  const warnings: string[] = [];
  let idNumber: string | null = null;
  let creditCode: string | null = null;
  let derived: { sex: 'male' | 'female'; birthDate: string } | null = null;
  /** This office's and other offices' records of the same ID document or credit code. */
  let same: PartyRow[] = [];

  if (input.kind === 'person' && input.idNumber) {
    if (input.idType === 'resident_id') {
      const check = checkIdNumber(input.idNumber, context.today);
      if (!check.ok) throw fieldError(index, 'idNumber', '证件号码', check.message);
      idNumber = check.value.normalized;
      derived = { sex: check.value.sex, birthDate: check.value.birthDate };
      if (input.sex && input.sex !== derived.sex) {
        throw fieldError(index, 'sex', '性别', `与身份证号码不符：号码显示为${sexLabels[derived.sex]}性`);
      }
      if (input.birthDate && input.birthDate !== derived.birthDate) {
        throw fieldError(index, 'birthDate', '出生日期', `与身份证号码不符：号码显示为 ${derived.birthDate}`);
      }
    } else {
      idNumber = input.idNumber.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
    }
    same = repos.parties.allByIdNumber(input.idType, idNumber, context.officeId);
  }
  if (input.kind === 'organisation' && input.creditCode) {
    const check = checkCreditCode(input.creditCode);
    if (check.status === 'invalid') throw fieldError(index, 'creditCode', '统一社会信用代码', check.message);
    if (check.status === 'warning') warnings.push(`${input.name}：${check.message}`);
    creditCode = check.normalized;
    same = repos.parties.allByCreditCode(creditCode, context.officeId);
  }
  let existing = same.find((p) => context.linked?.has(p.id)) ?? same[0];
  if (input.partyId) {
    const chosen = repos.parties.byId(input.partyId);
    if (!chosen) throw fieldError(index, 'name', '姓名', '所选的已登记当事人不存在，请重新选择');
    if (existing && !same.some((p) => p.id === chosen.id)) {
      throw fieldError(
        index,
        input.kind === 'person' ? 'idNumber' : 'creditCode',
        '证件号码',
        `该号码已登记在当事人“${existing.name}”名下`,
      );
    }
    if (chosen.kind !== input.kind) throw fieldError(index, 'name', '姓名', '所选的已登记当事人类型不符');
    existing = chosen;
  }

  const person = input.kind === 'person' ? input : null;
  const org = input.kind === 'organisation' ? input : null;
  const fresh: Omit<PartyRow, keyof Syncable> = {
    kind: input.kind,
    name: input.name,
    sex: derived?.sex ?? person?.sex ?? null,
    ethnicity: person?.ethnicity ?? null,
    birthDate: derived?.birthDate ?? person?.birthDate ?? null,
    idType: person && idNumber ? person.idType : null,
    idNumber,
    // The last four characters of the ID number, or of an organisation's credit code: list search
    // finds both through this one index (caseList.ts), never through the full-text index.
    idSuffix: (idNumber ?? creditCode)?.slice(-4) ?? null,
    occupation: person?.occupation ?? null,
    creditCode,
    representative: org?.representative ?? null,
    representativeTitle: org?.representativeTitle ?? null,
    address: input.address ?? null,
    phone: input.phone ?? null,
  };

  if (existing) {
    const row: PartyRow = {
      ...existing,
      name: fresh.name,
      sex: merged(fresh.sex, existing.sex),
      ethnicity: merged(fresh.ethnicity, existing.ethnicity),
      birthDate: merged(fresh.birthDate, existing.birthDate),
      idType: merged(fresh.idType, existing.idType),
      idNumber: merged(fresh.idNumber, existing.idNumber),
      idSuffix: merged(fresh.idSuffix, existing.idSuffix),
      occupation: merged(fresh.occupation, existing.occupation),
      creditCode: merged(fresh.creditCode, existing.creditCode),
      representative: merged(fresh.representative, existing.representative),
      representativeTitle: merged(fresh.representativeTitle, existing.representativeTitle),
      address: merged(fresh.address, existing.address),
      phone: merged(fresh.phone, existing.phone),
      updatedAt: context.now,
    };
    repos.parties.update(row);
    return { row, warnings };
  }
  const row: PartyRow = {
    id: randomUUID(),
    originOfficeId: context.officeId,
    version: 1,
    createdAt: context.now,
    updatedAt: context.now,
    deletedAt: null,
    ...fresh,
  };
  repos.parties.insert(row);
  return { row, warnings };
}

/**
/**
 * Already-registered parties matching what the clerk is typing: a name (from its start or
 * anywhere in it), an ID number or credit code, or the last 4 characters of one, as seen through
 * the cases in the clerk's scope. What is on record comes along (ID numbers masked), so choosing
 * one shows the clerk what will be reused.
 */
export function suggestParties(
  repos: Repositories,
  scope: ScopePrincipals,
  query: string,
  todayDate: string,
  officeId: string,
): PartySuggestion[] {
  const q = query.normalize('NFKC').trim();
  if (!q) return [];
  const id = checkIdNumber(q, todayDate);
  const credit = /^[0-9A-Z]{18}$/i.test(q) ? checkCreditCode(q) : null;
  const name = q.replace(/\s+/g, '');
  const rows = id.ok
    ? repos.parties.suggest({ idNumber: id.value.normalized }, scope)
    : credit && credit.status !== 'invalid'
      ? repos.parties.suggest({ creditCode: credit.normalized }, scope)
      : /^[0-9A-HJ-NP-RTUWXY]{4}$/i.test(q) && /\d/.test(q)
        ? repos.parties.suggest({ idSuffix: q.toUpperCase() }, scope)
        : repos.parties.suggest({ name: { text: name, match: queryToMatch(name) } }, scope);
  return onePerPerson(rows, officeId).map((r) => ({
    partyId: r.id,
    kind: r.kind,
    name: r.name,
    sex: r.sex as Sex | null,
    ethnicity: r.ethnicity,
    birthDate: r.birthDate,
    idType: r.idType as IdType | null,
    idNumberMasked: r.idNumber ? maskIdNumber(r.idNumber) : null,
    occupation: r.occupation,
    creditCode: r.creditCode,
    representative: r.representative,
    representativeTitle: r.representativeTitle,
    phone: r.phone,
    address: r.address,
    caseCount: r.caseCount,
  }));
}

/**
 * One suggestion per person: the records other offices made of the same ID document or credit
 * code (migration 0026) fold into one — this office's own if it has one, as intake would reuse
 * it — with their cases counted together.
 */
function onePerPerson(rows: PartySuggestionRow[], officeId: string): PartySuggestionRow[] {
  const people = new Map<string, PartySuggestionRow>();
  for (const r of rows) {
    const key = r.idNumber ? `id ${r.idType} ${r.idNumber}` : r.creditCode ? `code ${r.creditCode}` : r.id;
    const first = people.get(key);
    if (!first) people.set(key, r);
    else {
      const keep = r.originOfficeId === officeId && first.originOfficeId !== officeId ? r : first;
      people.set(key, { ...keep, caseCount: first.caseCount + r.caseCount });
    }
  }
  return [...people.values()];
}
