import type { DbHandle } from '../dataSource';
import type { Syncable } from '../entities';
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

  byIdNumber(idType: string, idNumber: string): PartyRow | undefined {
    return this.db.sql.get<PartyRow>(
      `SELECT ${columns} FROM parties WHERE id_type = ? AND id_number = ? AND deleted_at IS NULL`,
      idType,
      idNumber,
    );
  }

  byCreditCode(creditCode: string): PartyRow | undefined {
    return this.db.sql.get<PartyRow>(
      `SELECT ${columns} FROM parties WHERE credit_code = ? AND deleted_at IS NULL`,
      creditCode,
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
   * Suggestions while typing: name prefix, exact ID number or credit code, or ID last 4. Parties
   * are seen through cases: only those in a case in scope, with the number of such cases.
   */
  suggest(
    query: { namePrefix?: string; idNumber?: string; creditCode?: string; idSuffix?: string },
    scope: ScopePrincipals,
    limit = 8,
  ): PartySuggestionRow[] {
    if (scope.length === 0) return [];
    const test = inScope('c.rowid', scope);
    const count = `(SELECT count(*) FROM case_parties cp JOIN cases c ON c.id = cp.case_id AND c.deleted_at IS NULL
      WHERE cp.party_id = parties.id AND cp.deleted_at IS NULL AND ${test.sql}) AS caseCount`;
    const seen = (where: string, order = '') =>
      `SELECT * FROM (SELECT ${columns}, ${count} FROM parties WHERE ${where} AND deleted_at IS NULL${order})
        WHERE caseCount > 0 LIMIT ?`;
    if (query.idNumber) return this.db.sql.all(seen('id_number = ?'), ...test.params, query.idNumber, limit);
    if (query.creditCode)
      return this.db.sql.all(seen('credit_code = ?'), ...test.params, query.creditCode, limit);
    if (query.idSuffix) return this.db.sql.all(seen('id_suffix = ?'), ...test.params, query.idSuffix, limit);
    // Range on the name index instead of LIKE, which SQLite will not run on an index here.
    const prefix = query.namePrefix ?? '';
    return this.db.sql.all(
      seen('name >= ? AND name < ?', ' ORDER BY name'),
      ...test.params,
      prefix,
      `${prefix}\uffff`,
      limit,
    );
  }
}
