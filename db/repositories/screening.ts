import type { DbHandle } from '../dataSource';
import type { Syncable } from '../entities';
import { inScope } from './caseScope';
import { columnsOf, insertSql, syncKeys, valuesOf } from './rows';

// 两排查一分析 (migration 0014): screening rounds with their findings, the monthly analysis notes,
// and the few monthly counts the analysis note shows. Rounds belong to an organisation, not to a
// case: a committee's scope over them is the set of its organisations (ctx.scope.organisations).

export interface ScreeningRoundRow extends Syncable {
  organisationId: string;
  heldOn: string;
  conductedBy: string;
  method: string;
  area: string;
  findingCount: number;
  recordedBy: string;
  recordedByName: string;
}

export interface ScreeningFindingRow extends Syncable {
  roundId: string;
  seq: number;
  kind: string;
  summary: string;
  disposition: string;
  caseId: string | null;
  note: string | null;
}

export interface ScreeningAnalysisRow extends Syncable {
  organisationId: string;
  month: string;
  judgement: string;
  measures: string;
  writtenByName: string;
}

const roundKeys = [
  ...syncKeys,
  'organisationId',
  'heldOn',
  'conductedBy',
  'method',
  'area',
  'findingCount',
  'recordedBy',
  'recordedByName',
];
const findingKeys = [...syncKeys, 'roundId', 'seq', 'kind', 'summary', 'disposition', 'caseId', 'note'];
const analysisKeys = [...syncKeys, 'organisationId', 'month', 'judgement', 'measures', 'writtenByName'];

const list = (ids: readonly string[]) => ids.map(() => '?').join(', ');

export class ScreeningRepository {
  constructor(private readonly db: DbHandle) {}

  insertRound(row: ScreeningRoundRow): void {
    this.db.sql.run(insertSql('screening_rounds', roundKeys), ...valuesOf(roundKeys, row));
  }

  insertFinding(row: ScreeningFindingRow): void {
    this.db.sql.run(insertSql('screening_findings', findingKeys), ...valuesOf(findingKeys, row));
  }

  /** Rounds of these organisations, newest first. */
  rounds(organisationIds: readonly string[], from?: string, to?: string): ScreeningRoundRow[] {
    if (organisationIds.length === 0) return [];
    return this.db.sql.all<ScreeningRoundRow>(
      `SELECT ${columnsOf(roundKeys)} FROM screening_rounds
       WHERE deleted_at IS NULL AND organisation_id IN (${list(organisationIds)})
         AND held_on >= ? AND held_on <= ?
       ORDER BY held_on DESC, created_at DESC`,
      ...organisationIds,
      from ?? '0000-00-00',
      to ?? '9999-12-31',
    );
  }

  findings(roundIds: readonly string[]): (ScreeningFindingRow & { caseNumber: string | null })[] {
    if (roundIds.length === 0) return [];
    return this.db.sql.all(
      `SELECT ${findingKeys.map((k) => `f.${k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)} AS ${k}`).join(', ')},
              c.case_number AS caseNumber
       FROM screening_findings f LEFT JOIN cases c ON c.id = f.case_id
       WHERE f.deleted_at IS NULL AND f.round_id IN (${list(roundIds)})
       ORDER BY f.round_id, f.seq`,
      ...roundIds,
    );
  }

  /** When this installation was set up (its first account): no screening is owed before it. */
  installedAt(): string | null {
    return this.db.sql.get<{ at: string | null }>(`SELECT MIN(created_at) AS at FROM users`)?.at ?? null;
  }

  /** The latest round day of each organisation (for the cadence). */
  lastHeld(organisationIds: readonly string[]): Map<string, string> {
    if (organisationIds.length === 0) return new Map();
    const rows = this.db.sql.all<{ organisationId: string; heldOn: string }>(
      `SELECT organisation_id AS organisationId, MAX(held_on) AS heldOn FROM screening_rounds
       WHERE deleted_at IS NULL AND organisation_id IN (${list(organisationIds)}) GROUP BY organisation_id`,
      ...organisationIds,
    );
    return new Map(rows.map((r) => [r.organisationId, r.heldOn]));
  }

  /** Whether each organisation held a round between two days (inclusive). */
  heldBetween(organisationIds: readonly string[], from: string, to: string): Set<string> {
    if (organisationIds.length === 0) return new Set();
    const rows = this.db.sql.all<{ organisationId: string }>(
      `SELECT DISTINCT organisation_id AS organisationId FROM screening_rounds
       WHERE deleted_at IS NULL AND organisation_id IN (${list(organisationIds)}) AND held_on >= ? AND held_on <= ?`,
      ...organisationIds,
      from,
      to,
    );
    return new Set(rows.map((r) => r.organisationId));
  }

  analysis(organisationId: string, month: string): ScreeningAnalysisRow | undefined {
    return this.db.sql.get<ScreeningAnalysisRow>(
      `SELECT ${columnsOf(analysisKeys)} FROM screening_analyses
       WHERE organisation_id = ? AND month = ? AND deleted_at IS NULL`,
      organisationId,
      month,
    );
  }

  saveAnalysis(row: ScreeningAnalysisRow): void {
    const existing = this.analysis(row.organisationId, row.month);
    if (!existing) {
      this.db.sql.run(insertSql('screening_analyses', analysisKeys), ...valuesOf(analysisKeys, row));
      return;
    }
    this.db.sql.run(
      `UPDATE screening_analyses SET judgement = ?, measures = ?, written_by_name = ?, updated_at = ?,
         version = version + 1 WHERE id = ?`,
      row.judgement,
      row.measures,
      row.writtenByName,
      row.updatedAt,
      existing.id,
    );
  }

  // The monthly counts the 一分析 note shows. Kept here, small and separate, so they can later be
  // read from the statistics service (issue 15's dashboard) instead.

  /** Rounds, 零报告 and findings by kind and disposition, for these organisations in [from, to]. */
  screeningCounts(organisationIds: readonly string[], from: string, to: string) {
    const none = { rounds: 0, zeroReports: 0 };
    if (organisationIds.length === 0) return { ...none, findings: [] };
    const rounds =
      this.db.sql.get<{ rounds: number; zeroReports: number }>(
        `SELECT COUNT(*) AS rounds, COALESCE(SUM(finding_count = 0), 0) AS zeroReports FROM screening_rounds
         WHERE deleted_at IS NULL AND organisation_id IN (${list(organisationIds)}) AND held_on >= ? AND held_on <= ?`,
        ...organisationIds,
        from,
        to,
      ) ?? none;
    const findings = this.db.sql.all<{ kind: string; disposition: string; n: number }>(
      `SELECT f.kind, f.disposition, COUNT(*) AS n FROM screening_findings f
       JOIN screening_rounds r ON r.id = f.round_id
       WHERE f.deleted_at IS NULL AND r.deleted_at IS NULL AND r.organisation_id IN (${list(organisationIds)})
         AND r.held_on >= ? AND r.held_on <= ?
       GROUP BY f.kind, f.disposition`,
      ...organisationIds,
      from,
      to,
    );
    return { ...rounds, findings };
  }

  /** Cases received in [from, to] within an organisation's scope, by dispute type and source. */
  caseCounts(organisationId: string, from: string, to: string) {
    const scope = inScope('c.rowid', [organisationId]);
    return this.db.sql.all<{ typeName: string; source: string; n: number }>(
      `SELECT COALESCE(t.name, c.dispute_type) AS typeName, c.source AS source, COUNT(*) AS n
       FROM cases c LEFT JOIN dispute_types t ON t.code = c.dispute_type
       WHERE c.deleted_at IS NULL AND c.status <> 'voided' AND c.received_on >= ? AND c.received_on <= ?
         AND ${scope.sql}
       GROUP BY typeName, c.source`,
      from,
      to,
      ...scope.params,
    );
  }
}
