import type { DbHandle } from '../dataSource';
import type { Syncable } from '../entities';
import { insertSql, syncKeys, valuesOf } from './rows';

export interface MediatorRow extends Syncable {
  kind: string;
  name: string;
  sex: string | null;
  ethnicity: string | null;
  idNumber: string | null;
  phone: string | null;
  employment: string;
  certificateNumber: string | null;
  grade: string;
  /** JSON: dispute-type codes. */
  specialties: string;
  /** JSON: [{name, relation, idNumber?}] — the ties a conflict check (回避) compares. */
  householdMembers: string;
  villageGroup: string | null;
  employer: string | null;
  employerCreditCode: string | null;
  userId: string | null;
  active: boolean;
}

export interface MembershipRow extends Syncable {
  mediatorId: string;
  organisationId: string;
  position: string;
  fromOn: string | null;
  toOn: string | null;
}

export interface TrainingRow extends Syncable {
  mediatorId: string;
  date: string;
  days: number;
  kind: string;
  topic: string;
}

const sync = `id, origin_office_id AS originOfficeId, version, created_at AS createdAt, updated_at AS updatedAt, deleted_at AS deletedAt`;
const mediatorColumns = `${sync}, kind, name, sex, ethnicity, id_number AS idNumber, phone, employment,
  certificate_number AS certificateNumber, grade, specialties, household_members AS householdMembers,
  village_group AS villageGroup, employer, employer_credit_code AS employerCreditCode, user_id AS userId, active`;

const mediatorKeys = [
  ...syncKeys,
  'kind',
  'name',
  'sex',
  'ethnicity',
  'idNumber',
  'phone',
  'employment',
  'certificateNumber',
  'grade',
  'specialties',
  'householdMembers',
  'villageGroup',
  'employer',
  'employerCreditCode',
  'userId',
  'active',
];

/** The mediator roster, their committee memberships and training records. */
export class MediatorRepository {
  constructor(private readonly db: DbHandle) {}

  list(includeInactive: boolean): MediatorRow[] {
    return this.db.sql
      .all<MediatorRow>(
        `SELECT ${mediatorColumns} FROM mediators WHERE deleted_at IS NULL ${includeInactive ? '' : 'AND active = 1'} ORDER BY name`,
      )
      .map(fixBool);
  }

  byId(id: string): MediatorRow | undefined {
    const row = this.db.sql.get<MediatorRow>(
      `SELECT ${mediatorColumns} FROM mediators WHERE id = ? AND deleted_at IS NULL`,
      id,
    );
    return row && fixBool(row);
  }

  byUser(userId: string): MediatorRow | undefined {
    const row = this.db.sql.get<MediatorRow>(
      `SELECT ${mediatorColumns} FROM mediators WHERE user_id = ? AND deleted_at IS NULL`,
      userId,
    );
    return row && fixBool(row);
  }

  /**
   * Links a sign-in account to a roster entry (one account, one mediator): the account's
   * previous link, if any, is released. mediatorId null only releases it.
   */
  linkUser(userId: string, mediatorId: string | null, at: string): void {
    this.db.sql.run(
      `UPDATE mediators SET user_id = NULL, version = version + 1, updated_at = ?
        WHERE user_id = ? AND deleted_at IS NULL AND id IS NOT ?`,
      at,
      userId,
      mediatorId,
    );
    if (mediatorId)
      this.db.sql.run(
        `UPDATE mediators SET user_id = ?, version = version + 1, updated_at = ?
          WHERE id = ? AND user_id IS NOT ? AND deleted_at IS NULL`,
        userId,
        at,
        mediatorId,
        userId,
      );
  }

  /** Account → the roster entry it is linked to. */
  linkedUsers(): Map<string, string> {
    const rows = this.db.sql.all<{ userId: string; id: string }>(
      `SELECT user_id AS userId, id FROM mediators WHERE user_id IS NOT NULL AND deleted_at IS NULL`,
    );
    return new Map(rows.map((r) => [r.userId, r.id]));
  }

  insert(row: MediatorRow): void {
    this.db.sql.run(insertSql('mediators', mediatorKeys), ...valuesOf(mediatorKeys, row));
  }

  /** Optimistic update on `version`; false when someone changed the record meanwhile. */
  update(row: MediatorRow, version: number): boolean {
    return (
      this.db.sql.run(
        `UPDATE mediators SET version = version + 1, updated_at = ?, kind = ?, name = ?, sex = ?, ethnicity = ?, id_number = ?,
           phone = ?, employment = ?, certificate_number = ?, grade = ?, specialties = ?, household_members = ?,
           village_group = ?, employer = ?, employer_credit_code = ?, user_id = ?, active = ?
         WHERE id = ? AND version = ?`,
        row.updatedAt,
        row.kind,
        row.name,
        row.sex,
        row.ethnicity,
        row.idNumber,
        row.phone,
        row.employment,
        row.certificateNumber,
        row.grade,
        row.specialties,
        row.householdMembers,
        row.villageGroup,
        row.employer,
        row.employerCreditCode,
        row.userId,
        row.active ? 1 : 0,
        row.id,
        version,
      ).changes === 1
    );
  }

  memberships(mediatorId?: string): MembershipRow[] {
    const base = `SELECT ${sync}, mediator_id AS mediatorId, organisation_id AS organisationId, position, from_on AS fromOn, to_on AS toOn
      FROM mediator_memberships WHERE deleted_at IS NULL`;
    return mediatorId ? this.db.sql.all(`${base} AND mediator_id = ?`, mediatorId) : this.db.sql.all(base);
  }

  /** Replaces a mediator's memberships (soft-deleting the old ones keeps their history). */
  replaceMemberships(mediatorId: string, rows: MembershipRow[], at: string): void {
    this.db.sql.run(
      `UPDATE mediator_memberships SET deleted_at = ?, updated_at = ?, version = version + 1 WHERE mediator_id = ? AND deleted_at IS NULL`,
      at,
      at,
      mediatorId,
    );
    for (const m of rows) {
      this.db.sql.run(
        `INSERT INTO mediator_memberships (id, origin_office_id, version, created_at, updated_at, mediator_id, organisation_id, position, from_on, to_on)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        m.id,
        m.originOfficeId,
        m.version,
        m.createdAt,
        m.updatedAt,
        m.mediatorId,
        m.organisationId,
        m.position,
        m.fromOn,
        m.toOn,
      );
    }
  }

  trainings(mediatorId?: string): TrainingRow[] {
    const base = `SELECT ${sync}, mediator_id AS mediatorId, date, days, kind, topic FROM mediator_trainings WHERE deleted_at IS NULL`;
    return mediatorId
      ? this.db.sql.all(`${base} AND mediator_id = ? ORDER BY date DESC`, mediatorId)
      : this.db.sql.all(`${base} ORDER BY date DESC`);
  }

  addTraining(row: TrainingRow): void {
    this.db.sql.run(
      `INSERT INTO mediator_trainings (id, origin_office_id, version, created_at, updated_at, mediator_id, date, days, kind, topic)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      row.id,
      row.originOfficeId,
      row.version,
      row.createdAt,
      row.updatedAt,
      row.mediatorId,
      row.date,
      row.days,
      row.kind,
      row.topic,
    );
  }

  /** Open cases per mediator (their current workload, for dispatch suggestions). */
  openCaseCounts(): Map<string, number> {
    const rows = this.db.sql.all<{ mediatorId: string; n: number }>(
      `SELECT am.mediator_id AS mediatorId, count(DISTINCT a.case_id) AS n
         FROM case_assignment_mediators am
         JOIN case_assignments a ON a.id = am.assignment_id AND a.state IN ('pending', 'accepted') AND a.deleted_at IS NULL
         JOIN cases c ON c.id = a.case_id AND c.status IN ('dispatched', 'mediating', 'succeeded', 'performing')
        WHERE am.deleted_at IS NULL
        GROUP BY am.mediator_id`,
    );
    return new Map(rows.map((r) => [r.mediatorId, r.n]));
  }
}

function fixBool(row: MediatorRow): MediatorRow {
  return { ...row, active: Boolean(row.active) };
}
