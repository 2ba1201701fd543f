import type { DbHandle } from '../dataSource';
import type { Syncable } from '../entities';
import { matchWords, termsMatch } from './caseSearch';
import { inScope, type ScopePrincipals } from './caseScope';
import { insertSql, syncKeys, valuesOf } from './rows';

export interface PartyRow extends Syncable {
  kind: 'person' | 'organisation';
  name: string;
  sex: string | null;
  ethnicity: string | null;
  birthDate: string | null;
  idType: string | null;
  idNumber: string | null;
  idSuffix: string | null;
  occupation: string | null;
  creditCode: string | null;
  representative: string | null;
  representativeTitle: string | null;
  address: string | null;
  phone: string | null;
}

const columns = `id, origin_office_id AS originOfficeId, version, created_at AS createdAt, updated_at AS updatedAt,
  deleted_at AS deletedAt, kind, name, sex, ethnicity, birth_date AS birthDate, id_type AS idType, id_number AS idNumber,
  id_suffix AS idSuffix, occupation, credit_code AS creditCode, representative, representative_title AS representativeTitle,
  address, phone`;

const partyKeys = [
  ...syncKeys,
  'kind',
  'name',
  'sex',
  'ethnicity',
  'birthDate',
  'idType',
  'idNumber',
  'idSuffix',
  'occupation',
  'creditCode',
  'representative',
  'representativeTitle',
  'address',
  'phone',
];

export interface PartySuggestionRow extends PartyRow {
  caseCount: number;
}

/** Parties: one record per person or organisation, shared by every case they appear in. */
export class PartyRepository {
  constructor(private readonly db: DbHandle) {}

  byId(id: string): PartyRow | undefined {
    return this.db.sql.get<PartyRow>(
      `SELECT ${columns} FROM parties WHERE id = ? AND deleted_at IS NULL`,
      id,
    );
  }

  /** Live records by id in one statement (a case's parties: at the centre, one round trip for all). */
  byIds(ids: readonly string[]): Map<string, PartyRow> {
    if (ids.length === 0) return new Map();
    const rows = this.db.sql.all<PartyRow>(
      `SELECT ${columns} FROM parties WHERE id IN (${ids.map(() => '?').join(', ')}) AND deleted_at IS NULL`,
      ...ids,
    );
    return new Map(rows.map((r) => [r.id, r]));
  }

  /**
   * Every live record of this ID document: one per office that registered the person (migration
   * 0026: a township's record travels to the county beside the county's and other townships'
   * own), `officeId`'s own first, then the oldest. Look-ups take them all as one person.
   */
  allByIdNumber(idType: string, idNumber: string, officeId = ''): PartyRow[] {
    return this.db.sql.all<PartyRow>(
      `SELECT ${columns} FROM parties WHERE id_type = ? AND id_number = ? AND deleted_at IS NULL
        ORDER BY origin_office_id = ? DESC, created_at, id`,
      idType,
      idNumber,
      officeId,
    );
  }

  /** Every live record of this credit code, as allByIdNumber. */
  allByCreditCode(creditCode: string, officeId = ''): PartyRow[] {
    return this.db.sql.all<PartyRow>(
      `SELECT ${columns} FROM parties WHERE credit_code = ? AND deleted_at IS NULL
        ORDER BY origin_office_id = ? DESC, created_at, id`,
      creditCode,
      officeId,
    );
  }

  insert(row: PartyRow): void {
    this.db.sql.run(insertSql('parties', partyKeys), ...valuesOf(partyKeys, row));
  }

  /** Writes the party's latest details (the newest intake knows the current address and phone). */
  update(row: PartyRow): void {
    this.db.sql.run(
      `UPDATE parties SET version = version + 1, updated_at = ?, name = ?, sex = ?, ethnicity = ?, birth_date = ?, id_type = ?,
        id_number = ?, id_suffix = ?, occupation = ?, credit_code = ?, representative = ?, representative_title = ?,
        address = ?, phone = ?
       WHERE id = ?`,
      row.updatedAt,
      row.name,
      row.sex,
      row.ethnicity,
      row.birthDate,
      row.idType,
      row.idNumber,
      row.idSuffix,
      row.occupation,
      row.creditCode,
      row.representative,
      row.representativeTitle,
      row.address,
      row.phone,
      row.id,
    );
  }

  /**
  /**
   * Suggestions while typing. Parties are seen through cases: only those in a case in the user's
   * scope (`scope`), with the number of such cases that are not voided. An exact ID number or
   * credit code finds its record while any case in scope holds it (saving would reuse it anyway);
   * a name or the last 4 characters offer only parties of a case still on record: a voided case
   * is void everywhere, its parties included. A name matches from its start (the name index) or
   * anywhere in it: the party names of the newest cases in scope the full-text index finds
   * (`match`, a MATCH expression from queryToMatch).
   */
  suggest(query: SuggestQuery, scope: ScopePrincipals, limit = 8): PartySuggestionRow[] {
    if (scope.length === 0) return [];
    if (this.db.sql.dialect === 'postgres' && query.name)
      return this.suggestSealedNames(query.name, scope, limit);
    const out: PartySuggestionRow[] = [];
    for (const statement of this.suggestStatements(query, scope)) {
      if (out.length >= limit) break;
      out.push(
        ...this.db.sql.all<PartySuggestionRow>(statement.sql, ...statement.params, limit - out.length),
      );
    }
    return out;
  }

  /**
   * A name on the county centre's server, where names are sealed: the server cannot compare them,
   * only find the newest cases in scope whose words hold the typed text's (keyed tokens, as the
   * search box does). Their parties are opened here and kept when the name starts with the text,
   * then when it holds it further in — SQLite's two statements' order — from those cases only.
   */
  private suggestSealedNames(
    name: NonNullable<SuggestQuery['name']>,
    scope: ScopePrincipals,
    limit: number,
  ): PartySuggestionRow[] {
    if (!name.match) return [];
    const statement = this.sealedNameStatement(name, scope);
    const candidates = this.db.sql.all<PartySuggestionRow>(statement.sql, ...statement.params);
    const byName = (a: PartySuggestionRow, b: PartySuggestionRow) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
    const starting = candidates.filter((p) => p.name.startsWith(name.text)).sort(byName);
    const inside = candidates.filter((p) => p.name.indexOf(name.text) > 0).sort(byName);
    return [...starting, ...inside].slice(0, limit);
  }

  /** The parties of the newest cases in scope holding the name's words (the server's tokens). */
  private sealedNameStatement(
    name: NonNullable<SuggestQuery['name']>,
    scope: ScopePrincipals,
  ): { sql: string; params: unknown[] } {
    const sql = this.db.sql;
    const test = inScope('c.rowid', scope);
    const liveCases = `FROM case_parties cp JOIN cases c ON c.id = cp.case_id
      WHERE cp.party_id = parties.id AND cp.deleted_at IS NULL AND c.deleted_at IS NULL AND ${test.sql}
        AND c.status <> 'voided'`;
    const words = name.match ? matchWords(name.match) : [];
    return {
      sql: `SELECT ${columns}, (SELECT count(*) ${liveCases}) AS caseCount
         FROM (SELECT DISTINCT cp.party_id AS pid
                 FROM (SELECT rid AS rowid FROM case_search_hits(?, ?)
                        ORDER BY rid DESC LIMIT ${INFIX_CASES}) hit
                 JOIN cases c ON c.rowid = hit.rowid
                 JOIN case_parties cp ON cp.case_id = c.id AND cp.deleted_at IS NULL
                WHERE c.deleted_at IS NULL AND c.status <> 'voided') found
         JOIN parties ON parties.id = found.pid
        WHERE parties.deleted_at IS NULL`,
      params: [...test.params, sql.dialect === 'postgres' ? sql.tokens(words) : words, [...scope]],
    };
  }

  /** The query plans of every statement suggest() may run (tests assert no full scan). */
  suggestPlan(query: SuggestQuery, scope: ScopePrincipals): string[] {
    if (this.db.sql.dialect === 'postgres' && query.name) {
      const statement = this.sealedNameStatement(query.name, scope);
      return this.db.sql.queryPlan(statement.sql, statement.params);
    }
    return this.suggestStatements(query, scope).flatMap((s) =>
      this.db.sql.queryPlan(s.sql, [...s.params, 8]),
    );
  }

  /** The statements for a suggestion query, each taking the remaining limit as its last parameter. */
  private suggestStatements(
    query: SuggestQuery,
    scope: ScopePrincipals,
  ): { sql: string; params: unknown[] }[] {
    const test = inScope('c.rowid', scope);
    const casesInScope = `FROM case_parties cp JOIN cases c ON c.id = cp.case_id
      WHERE cp.party_id = parties.id AND cp.deleted_at IS NULL AND c.deleted_at IS NULL AND ${test.sql}`;
    const liveCases = `${casesInScope} AND c.status <> 'voided'`;
    // Each statement starts with the count's scope parameters.
    const select = `SELECT ${columns}, (SELECT count(*) ${liveCases}) AS caseCount FROM parties`;
    const seen = `deleted_at IS NULL AND EXISTS (SELECT 1 ${casesInScope})`;
    const live = `deleted_at IS NULL AND EXISTS (SELECT 1 ${liveCases})`;
    const t = test.params;
    // Through the index on the last four characters: the unique index leads with the ID type.
    if (query.idNumber)
      return [
        {
          sql: `${select} WHERE id_suffix = ? AND id_number = ? AND ${seen} LIMIT ?`,
          params: [...t, query.idNumber.slice(-4), query.idNumber, ...t],
        },
      ];
    if (query.creditCode)
      return [
        {
          sql: `${select} WHERE credit_code = ? AND ${seen} LIMIT ?`,
          params: [...t, query.creditCode, ...t],
        },
      ];
    if (query.idSuffix)
      return [
        { sql: `${select} WHERE id_suffix = ? AND ${live} LIMIT ?`, params: [...t, query.idSuffix, ...t] },
      ];
    const name = query.name?.text ?? '';
    // Range on the name index instead of LIKE, which SQLite will not run on an index here.
    const byPrefix = {
      sql: `${select} WHERE name >= ? AND name < ? AND ${live} ORDER BY name LIMIT ?`,
      params: [...t, name, `${name}\uffff`, ...t],
    };
    if (!query.name?.match) return [byPrefix];
    // Anywhere in the name: the parties of the newest cases in scope the full-text index finds
    // for it (its words only: asking the index for the scope's tokens too made this slower, as
    // the newest hits are then no longer found first), read in that order (CROSS JOIN keeps the planner from walking the name index).
    const inside = {
      sql: `SELECT ${columns}, (SELECT count(*) ${liveCases}) AS caseCount
              FROM (SELECT DISTINCT cp.party_id AS pid
                      FROM (SELECT rowid FROM case_search WHERE case_search MATCH ? ORDER BY rowid DESC LIMIT ${INFIX_CASES}) hit
                      CROSS JOIN cases c ON c.rowid = hit.rowid
                      CROSS JOIN case_parties cp ON cp.case_id = c.id AND cp.deleted_at IS NULL
                     WHERE c.deleted_at IS NULL AND c.status <> 'voided' AND ${test.sql}) found
             CROSS JOIN parties ON parties.id = found.pid
             WHERE parties.deleted_at IS NULL AND instr(parties.name, ?) > 1
             ORDER BY parties.name LIMIT ?`,
      params: [...t, termsMatch(query.name.match), ...t, name],
    };
    return [byPrefix, inside];
  }
}

export interface SuggestQuery {
  idNumber?: string;
  creditCode?: string;
  idSuffix?: string;
  /** A name: from its start, and (with a MATCH expression) anywhere in it. */
  name?: { text: string; match: string | null };
}

/**
 * How many of the newest matching cases a name-inside search reads: a common word (有限公司)
 * stays one quick look, while a name anyone would type further down the list is still found.
 */
export const INFIX_CASES = 400;
