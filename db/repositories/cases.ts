import type { DbHandle } from '../dataSource';
import type { Syncable } from '../entities';
import { centreTerms, scopeColumn, scopeGrown } from './caseSearch';
import { CaseScopeRepository, inScope, type ScopePrincipals } from './caseScope';
import { insertSql, valuesOf } from './rows';

/** A party as the case list sees it (its full ID number stays in the services, never in a DTO). */
export interface ListedParty {
  caseId: string;
  name: string;
  phone: string | null;
  idNumber: string | null;
  creditCode: string | null;
  representative: string | null;
  agentName: string | null;
  agentPhone: string | null;
}

export interface CaseRow extends Syncable {
  caseNumber: string;
  committeeId: string;
  numberYear: number;
  numberSeq: number;
  status: string;
  disputeType: string;
  source: string;
  township: string;
  village: string | null;
  receivedOn: string;
  receivedBy: string;
  receivedByName: string;
  summary: string;
  requests: string;
  amountFen: number | null;
  riskLevel: string;
  riskFlags: string;
  partyNames: string;
  repeatReason: string | null;
  /** Court-referred (委派/委托) cases: the court that referred them. */
  referringCourt: string | null;
  voidReason: string | null;
}

export interface CasePartyRow extends Syncable {
  caseId: string;
  partyId: string;
  role: string;
  position: number;
  agentName: string | null;
  agentRelation: string | null;
  agentAuthority: string | null;
  agentAuthorityDetail: string | null;
  agentIdNumber: string | null;
  agentPhone: string | null;
}

export interface CaseLinkRow {
  relatedCaseId: string;
  caseNumber: string;
  status: string;
  partyNames: string;
  note: string | null;
}

const syncFields: [string, string][] = [
  ['id', 'id'],
  ['origin_office_id', 'originOfficeId'],
  ['version', 'version'],
  ['created_at', 'createdAt'],
  ['updated_at', 'updatedAt'],
  ['deleted_at', 'deletedAt'],
];
const caseFields: [string, string][] = [
  ...syncFields,
  ['case_number', 'caseNumber'],
  ['committee_id', 'committeeId'],
  ['number_year', 'numberYear'],
  ['number_seq', 'numberSeq'],
  ['status', 'status'],
  ['dispute_type', 'disputeType'],
  ['source', 'source'],
  ['township', 'township'],
  ['village', 'village'],
  ['received_on', 'receivedOn'],
  ['received_by', 'receivedBy'],
  ['received_by_name', 'receivedByName'],
  ['summary', 'summary'],
  ['requests', 'requests'],
  ['amount_fen', 'amountFen'],
  ['risk_level', 'riskLevel'],
  ['risk_flags', 'riskFlags'],
  ['party_names', 'partyNames'],
  ['repeat_reason', 'repeatReason'],
  ['referring_court', 'referringCourt'],
  ['void_reason', 'voidReason'],
];
const casePartyFields: [string, string][] = [
  ...syncFields,
  ['case_id', 'caseId'],
  ['party_id', 'partyId'],
  ['role', 'role'],
  ['position', 'position'],
  ['agent_name', 'agentName'],
  ['agent_relation', 'agentRelation'],
  ['agent_authority', 'agentAuthority'],
  ['agent_authority_detail', 'agentAuthorityDetail'],
  ['agent_id_number', 'agentIdNumber'],
  ['agent_phone', 'agentPhone'],
];

function select(fields: [string, string][], table: string): string {
  return fields.map(([column, alias]) => `${table}.${column} AS ${alias}`).join(', ');
}

/** A case row's columns as camelCase, qualified by `table` (joins need it). */
export function caseColumns(table = 'cases'): string {
  return select(caseFields, table);
}
const casePartyColumns = select(casePartyFields, 'case_parties');
const caseKeys = caseFields.map(([, key]) => key);
const casePartyKeys = casePartyFields.map(([, key]) => key);

/** Cases, the parties in them and links between related cases: raw statements (intake is the hot path). */
export class CaseRepository {
  constructor(private readonly db: DbHandle) {}

  byId(id: string): CaseRow | undefined {
    return this.db.sql.get<CaseRow>(
      `SELECT ${caseColumns()} FROM cases WHERE id = ? AND deleted_at IS NULL`,
      id,
    );
  }

  rowidOf(id: string): number | undefined {
    return this.db.sql.get<{ r: number }>(`SELECT rowid AS r FROM cases WHERE id = ?`, id)?.r;
  }

  /** Inserts the case, in the scope of its committee; returns its rowid (the search index key). */
  insert(row: CaseRow): number {
    const sql = this.db.sql;
    const insert = insertSql('cases', caseKeys);
    const values = valuesOf(caseKeys, row);
    // The rowid keys the case's search terms and scope rows: SQLite's own, PostgreSQL's identity column.
    const rowid =
      sql.dialect === 'sqlite'
        ? Number(sql.run(insert, ...values).lastInsertRowid)
        : sql.get<{ rowid: number }>(`${insert} RETURNING rowid`, ...values)!.rowid;
    new CaseScopeRepository(this.db).grantOrganisation(row.id, row.committeeId, rowid);
    return rowid;
  }

  /** Optimistic: only when the stored version is still `version`. Returns false otherwise. */
  update(row: CaseRow, version: number): boolean {
    const result = this.db.sql.run(
      `UPDATE cases SET version = version + 1, updated_at = ?, status = ?, dispute_type = ?, source = ?, township = ?,
         village = ?, received_on = ?, summary = ?, requests = ?, amount_fen = ?, risk_level = ?, risk_flags = ?,
         party_names = ?, repeat_reason = ?, void_reason = ?, referring_court = ?
       WHERE id = ? AND version = ? AND deleted_at IS NULL`,
      row.updatedAt,
      row.status,
      row.disputeType,
      row.source,
      row.township,
      row.village,
      row.receivedOn,
      row.summary,
      row.requests,
      row.amountFen,
      row.riskLevel,
      row.riskFlags,
      row.partyNames,
      row.repeatReason,
      row.voidReason,
      row.referringCourt,
      row.id,
      version,
    );
    return result.changes === 1;
  }

  parties(caseId: string): CasePartyRow[] {
    return this.db.sql.all<CasePartyRow>(
      `SELECT ${casePartyColumns} FROM case_parties WHERE case_id = ? AND deleted_at IS NULL ORDER BY position`,
      caseId,
    );
  }

  /** The parties of a page of cases in one statement: what the list needs to say which one matched. */
  partiesOfCases(caseIds: readonly string[]): ListedParty[] {
    if (caseIds.length === 0) return [];
    return this.db.sql.all<ListedParty>(
      `SELECT cp.case_id AS caseId, p.name, p.phone, p.id_number AS idNumber, p.credit_code AS creditCode,
              p.representative, cp.agent_name AS agentName, cp.agent_phone AS agentPhone
         FROM case_parties cp JOIN parties p ON p.id = cp.party_id
        WHERE cp.case_id IN (${caseIds.map(() => '?').join(', ')}) AND cp.deleted_at IS NULL
        ORDER BY cp.case_id, cp.position`,
      ...caseIds,
    );
  }

  insertParty(row: CasePartyRow): void {
    this.db.sql.run(insertSql('case_parties', casePartyKeys), ...valuesOf(casePartyKeys, row));
  }

  updateParty(row: CasePartyRow): void {
    this.db.sql.run(
      `UPDATE case_parties SET version = version + 1, updated_at = ?, party_id = ?, role = ?, position = ?, agent_name = ?,
         agent_relation = ?, agent_authority = ?, agent_authority_detail = ?, agent_id_number = ?, agent_phone = ?
       WHERE id = ?`,
      row.updatedAt,
      row.partyId,
      row.role,
      row.position,
      row.agentName,
      row.agentRelation,
      row.agentAuthority,
      row.agentAuthorityDetail,
      row.agentIdNumber,
      row.agentPhone,
      row.id,
    );
  }

  removeParty(id: string, at: string): void {
    this.db.sql.run(
      `UPDATE case_parties SET deleted_at = ?, updated_at = ?, version = version + 1 WHERE id = ?`,
      at,
      at,
      id,
    );
  }

  insertLink(row: Syncable & { caseId: string; relatedCaseId: string; note: string | null }): void {
    this.db.sql.run(
      `INSERT OR IGNORE INTO case_links (id, origin_office_id, version, created_at, updated_at, case_id, related_case_id, note)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      row.id,
      row.originOfficeId,
      row.version,
      row.createdAt,
      row.updatedAt,
      row.caseId,
      row.relatedCaseId,
      row.note,
    );
  }

  /** Links in both directions (a later case pointing here is related too), to cases in scope. */
  links(caseId: string, scope: ScopePrincipals): CaseLinkRow[] {
    if (scope.length === 0) return [];
    const test = inScope('linked.rid', scope);
    return this.db.sql
      .all<CaseLinkRow & { rid?: number }>(
        `SELECT * FROM (
         SELECT c.id AS relatedCaseId, c.case_number AS caseNumber, c.status, c.party_names AS partyNames, l.note, c.rowid AS rid
           FROM case_links l JOIN cases c ON c.id = l.related_case_id
          WHERE l.case_id = ? AND l.deleted_at IS NULL
         UNION
         SELECT c.id, c.case_number, c.status, c.party_names, l.note, c.rowid
           FROM case_links l JOIN cases c ON c.id = l.case_id
          WHERE l.related_case_id = ? AND l.deleted_at IS NULL) linked
       WHERE ${test.sql}`,
        caseId,
        caseId,
        ...test.params,
      )
      .map(({ rid: _rid, ...link }) => link);
  }

  /** Cases in scope a party appears in (for repeat-dispute detection). */
  casesOfParties(partyIds: string[], scope: ScopePrincipals): (CaseRow & { matchedPartyId: string })[] {
    if (partyIds.length === 0 || scope.length === 0) return [];
    const marks = partyIds.map(() => '?').join(', ');
    const test = inScope('cases.rowid', scope);
    return this.db.sql.all(
      `SELECT ${caseColumns()}, cp.party_id AS matchedPartyId
         FROM case_parties cp JOIN cases ON cases.id = cp.case_id
        WHERE cp.party_id IN (${marks}) AND cp.deleted_at IS NULL AND cases.deleted_at IS NULL AND ${test.sql}`,
      ...partyIds,
      ...test.params,
    );
  }

  /** Cases in scope in a township with a party of one of these names (same-name repeat detection). */
  casesByNamesInTownship(
    township: string,
    names: string[],
    scope: ScopePrincipals,
  ): (CaseRow & { matchedName: string })[] {
    if (names.length === 0 || scope.length === 0) return [];
    const marks = names.map(() => '?').join(', ');
    const test = inScope('cases.rowid', scope);
    // CROSS JOIN fixes the order: from the few parties of these names to their cases. Left to
    // itself the planner starts from every case in the township (8,000 at 100k cases: 140 ms
    // instead of 2 ms on each intake).
    return this.db.sql.all(
      `SELECT ${caseColumns()}, p.name AS matchedName
         FROM parties p
         CROSS JOIN case_parties cp ON cp.party_id = p.id AND cp.deleted_at IS NULL
         CROSS JOIN cases ON cases.id = cp.case_id AND cases.deleted_at IS NULL
        WHERE p.name IN (${marks}) AND cases.township = ? AND ${test.sql}`,
      ...names,
      township,
      ...test.params,
    );
  }

  /** Cases whose scope grew since the last call, each once, and the list emptied (caseSearch.ts). */
  takeScopeGrown(): number[] {
    const grown = scopeGrown(this.db.sql);
    const out = [...grown];
    grown.clear();
    return out;
  }

  idOfRowid(rowid: number): string | undefined {
    return this.db.sql.get<{ id: string }>(
      `SELECT id FROM cases WHERE rowid = ? AND deleted_at IS NULL`,
      rowid,
    )?.id;
  }

  /** Writes the case's search row: its words, and a token for each principal whose scope holds it (caseSearch.ts). */
  /** The principals whose scope holds the case (its case_scope rows). */
  principalsOf(rowid: number): string[] {
    return this.db.sql
      .all<{ p: string }>(
        `SELECT principal AS p FROM case_scope INDEXED BY ix_case_scope_case WHERE case_rowid = ?`,
        rowid,
      )
      .map((r) => r.p);
  }

  setSearchTerms(rowid: number, terms: string): void {
    const principals = this.principalsOf(rowid);
    const sql = this.db.sql;
    sql.run(`DELETE FROM case_search WHERE rowid = ?`, rowid);
    // The centre's server keeps the words as keyed tokens and the principals as they are.
    const row =
      sql.dialect === 'postgres' ? [centreTerms(sql, terms), principals] : [terms, scopeColumn(principals)];
    sql.run(`INSERT INTO case_search (rowid, terms, scope) VALUES (?, ?, ?)`, rowid, ...row);
    scopeGrown(this.db.sql).delete(rowid);
  }
}
