import type { DbHandle } from '../dataSource';
import type { Syncable } from '../entities';
import { matchWords } from './caseSearch';
import { inScope, type ScopePrincipals } from './caseScope';
import { columnsOf, insertSql, settableKeys, snake, syncKeys, valuesOf } from './rows';

// 卷宗: the dossier of a case, paper scanned in for it, its archived revisions (each with the frozen
// PDF) and its reviews (案卷评查). Lists never read the BLOB columns.

export interface DossierRow extends Syncable {
  caseId: string;
  committeeId: string;
  volumeYear: number;
  volumeSeq: number;
  volumeNumber: string;
  title: string;
  filedBy: string;
  filedByName: string;
  filedOn: string;
  retention: string;
  state: 'open' | 'archived';
  /** Number of times archived; the current archived revision when state is 'archived'. */
  revision: number;
  notes: string | null;
  checkedBy: string | null;
  missingReason: string | null;
}

export interface DossierPaperRow extends Syncable {
  dossierId: string;
  caseId: string;
  item: string;
  fileName: string;
  mimeType: string;
  size: number;
  pages: number;
  sha256: string;
  addedByName: string;
}

export interface DossierArchiveRow extends Syncable {
  dossierId: string;
  revision: number;
  archivedByName: string;
  pageCount: number;
  sha256: string;
  missingReason: string | null;
  reopenedAt: string | null;
  reopenedByName: string | null;
  reopenReason: string | null;
}

export interface DossierReviewRow extends Syncable {
  dossierId: string;
  caseId: string;
  committeeId: string;
  reviewerId: string;
  reviewerName: string;
  reviewedOn: string;
  /** JSON: { [itemKey]: points } */
  scores: string;
  total: number;
  grade: string;
  comments: string | null;
}

/** One dossier in the archive list, with its case and latest review. */
export interface DossierListRow {
  id: string;
  caseId: string;
  caseNumber: string;
  partyNames: string;
  caseStatus: string;
  committeeId: string;
  volumeNumber: string;
  title: string;
  filedOn: string;
  filedByName: string;
  retention: string;
  state: string;
  revision: number;
  grade: string | null;
  total: number | null;
  reviewedOn: string | null;
}

export interface DossierListQuery {
  /** The user's committee scope: only dossiers of cases in it. */
  scope: ScopePrincipals;
  committeeId?: string;
  year?: number;
  state?: 'open' | 'archived';
  reviewed?: boolean;
  /**
   * Part of a 卷号, 案号 or party name, and the same as the search index's words (a MATCH
   * expression, main/core/cases/searchTerms.ts queryToMatch): on the county centre's server party
   * names are sealed, so a name is found through the index there.
   */
  text?: { text: string; match: string | null };
  filedFrom?: string;
  filedTo?: string;
  limit: number;
  offset: number;
}

const dossierKeys = [
  ...syncKeys,
  'caseId',
  'committeeId',
  'volumeYear',
  'volumeSeq',
  'volumeNumber',
  'title',
  'filedBy',
  'filedByName',
  'filedOn',
  'retention',
  'state',
  'revision',
  'notes',
  'checkedBy',
  'missingReason',
];
const paperKeys = [
  ...syncKeys,
  'dossierId',
  'caseId',
  'item',
  'fileName',
  'mimeType',
  'size',
  'pages',
  'sha256',
  'addedByName',
];
const archiveKeys = [
  ...syncKeys,
  'dossierId',
  'revision',
  'archivedByName',
  'pageCount',
  'sha256',
  'missingReason',
  'reopenedAt',
  'reopenedByName',
  'reopenReason',
];
const reviewKeys = [
  ...syncKeys,
  'dossierId',
  'caseId',
  'committeeId',
  'reviewerId',
  'reviewerName',
  'reviewedOn',
  'scores',
  'total',
  'grade',
  'comments',
];
const dossierSettable = settableKeys(dossierKeys);
const archiveSettable = settableKeys(archiveKeys);

export class DossierRepository {
  constructor(private readonly db: DbHandle) {}

  byCase(caseId: string): DossierRow | undefined {
    return this.db.sql.get(
      `SELECT ${columnsOf(dossierKeys)} FROM dossiers WHERE case_id = ? AND deleted_at IS NULL`,
      caseId,
    );
  }

  byVolumeNumber(volumeNumber: string): DossierRow | undefined {
    return this.db.sql.get(
      `SELECT ${columnsOf(dossierKeys)} FROM dossiers WHERE volume_number = ? AND deleted_at IS NULL`,
      volumeNumber,
    );
  }

  /** The next 卷号 sequence of a committee in a year (the caller holds the write transaction). */
  nextSeq(committeeId: string, year: number): number {
    const row = this.db.sql.get<{ n: number | null }>(
      `SELECT max(volume_seq) AS n FROM dossiers WHERE committee_id = ? AND volume_year = ?`,
      committeeId,
      year,
    );
    return (row?.n ?? 0) + 1;
  }

  insert(row: DossierRow): void {
    this.db.sql.run(insertSql('dossiers', dossierKeys), ...valuesOf(dossierKeys, row));
  }

  update(row: DossierRow): void {
    this.db.sql.run(
      `UPDATE dossiers SET ${dossierSettable.map((k) => `${snake(k)} = ?`).join(', ')} WHERE id = ?`,
      ...valuesOf(dossierSettable, row),
      row.id,
    );
  }

  insertPaper(row: DossierPaperRow, data: Buffer): void {
    this.db.sql.run(
      `INSERT INTO dossier_papers (${[...paperKeys, 'data'].map((k) => snake(k)).join(', ')})
       VALUES (${[...paperKeys, 'data'].map(() => '?').join(', ')})`,
      ...valuesOf(paperKeys, row),
      data,
    );
  }

  papers(dossierId: string): DossierPaperRow[] {
    return this.db.sql.all(
      `SELECT ${columnsOf(paperKeys)} FROM dossier_papers WHERE dossier_id = ? AND deleted_at IS NULL ORDER BY created_at, rowid`,
      dossierId,
    );
  }

  paperData(id: string): Buffer | undefined {
    return this.db.sql.get<{ data: Buffer }>(
      `SELECT data FROM dossier_papers WHERE id = ? AND deleted_at IS NULL`,
      id,
    )?.data;
  }

  insertArchive(row: DossierArchiveRow, pdf: Uint8Array): void {
    this.db.sql.run(
      `INSERT INTO dossier_archives (${[...archiveKeys, 'pdf'].map((k) => snake(k)).join(', ')})
       VALUES (${[...archiveKeys, 'pdf'].map(() => '?').join(', ')})`,
      ...valuesOf(archiveKeys, row),
      Buffer.from(pdf),
    );
  }

  updateArchive(row: DossierArchiveRow): void {
    this.db.sql.run(
      `UPDATE dossier_archives SET ${archiveSettable.map((k) => `${snake(k)} = ?`).join(', ')} WHERE id = ?`,
      ...valuesOf(archiveSettable, row),
      row.id,
    );
  }

  archives(dossierId: string): DossierArchiveRow[] {
    return this.db.sql.all(
      `SELECT ${columnsOf(archiveKeys)} FROM dossier_archives WHERE dossier_id = ? AND deleted_at IS NULL ORDER BY revision`,
      dossierId,
    );
  }

  archivePdf(dossierId: string, revision: number): Buffer | undefined {
    return this.db.sql.get<{ pdf: Buffer }>(
      `SELECT pdf FROM dossier_archives WHERE dossier_id = ? AND revision = ? AND deleted_at IS NULL`,
      dossierId,
      revision,
    )?.pdf;
  }

  insertReview(row: DossierReviewRow): void {
    this.db.sql.run(insertSql('dossier_reviews', reviewKeys), ...valuesOf(reviewKeys, row));
  }

  reviews(dossierId: string): DossierReviewRow[] {
    return this.db.sql.all(
      `SELECT ${columnsOf(reviewKeys)} FROM dossier_reviews WHERE dossier_id = ? AND deleted_at IS NULL ORDER BY reviewed_on, created_at`,
      dossierId,
    );
  }

  private where(q: Omit<DossierListQuery, 'limit' | 'offset'>): { sql: string; params: unknown[] } {
    const test = inScope('c.rowid', q.scope);
    const clauses = ['d.deleted_at IS NULL', q.scope.length ? test.sql : '0'];
    const params: unknown[] = q.scope.length ? [...test.params] : [];
    if (q.committeeId) {
      clauses.push('d.committee_id = ?');
      params.push(q.committeeId);
    }
    if (q.year) {
      clauses.push('d.volume_year = ?');
      params.push(q.year);
    }
    if (q.state) {
      clauses.push('d.state = ?');
      params.push(q.state);
    }
    if (q.filedFrom) {
      clauses.push('d.filed_on >= ?');
      params.push(q.filedFrom);
    }
    if (q.filedTo) {
      clauses.push('d.filed_on <= ?');
      params.push(q.filedTo);
    }
    if (q.reviewed !== undefined) {
      clauses.push(
        `${q.reviewed ? '' : 'NOT '}EXISTS (SELECT 1 FROM dossier_reviews r WHERE r.dossier_id = d.id AND r.deleted_at IS NULL)`,
      );
    }
    if (q.text) {
      const { text, match } = q.text;
      const sql = this.db.sql;
      if (sql.dialect === 'postgres') {
        // Through the search index's terms, as the case list's search (db/postgres/schema/search.ts).
        const byName = match ? 'c.rowid IN (SELECT rid FROM case_search_hits(?, ?))' : 'false';
        clauses.push(`(instr(d.volume_number, ?) > 0 OR instr(c.case_number, ?) > 0 OR ${byName})`);
        params.push(text, text, ...(match ? [sql.tokens(matchWords(match)), [...q.scope]] : []));
      } else {
        clauses.push(
          `(instr(d.volume_number, ?) > 0 OR instr(c.case_number, ?) > 0 OR instr(c.party_names, ?) > 0)`,
        );
        params.push(text, text, text);
      }
    }
    return { sql: clauses.join(' AND '), params };
  }

  list(q: DossierListQuery): { rows: DossierListRow[]; total: number } {
    const w = this.where(q);
    const total =
      this.db.sql.get<{ n: number }>(
        `SELECT count(*) AS n FROM dossiers d JOIN cases c ON c.id = d.case_id WHERE ${w.sql}`,
        ...w.params,
      )?.n ?? 0;
    const rows = this.db.sql.all<DossierListRow>(
      `SELECT d.id, d.case_id AS caseId, c.case_number AS caseNumber, c.party_names AS partyNames, c.status AS caseStatus,
              d.committee_id AS committeeId, d.volume_number AS volumeNumber, d.title, d.filed_on AS filedOn,
              d.filed_by_name AS filedByName, d.retention, d.state, d.revision,
              r.grade, r.total, r.reviewed_on AS reviewedOn
         FROM dossiers d JOIN cases c ON c.id = d.case_id
         LEFT JOIN dossier_reviews r ON r.id = (SELECT r2.id FROM dossier_reviews r2 WHERE r2.dossier_id = d.id AND r2.deleted_at IS NULL
                                                ORDER BY r2.reviewed_on DESC, r2.created_at DESC LIMIT 1)
        WHERE ${w.sql}
        ORDER BY d.volume_year DESC, d.committee_id, d.volume_seq DESC
        LIMIT ? OFFSET ?`,
      ...w.params,
      q.limit,
      q.offset,
    );
    return { rows, total };
  }

  /** Per committee: dossiers filed of cases in `scope`, and how many of them have a review. */
  reviewSummary(
    year: number | undefined,
    scope: ScopePrincipals,
  ): { committeeId: string; filed: number; archived: number; reviewed: number }[] {
    if (scope.length === 0) return [];
    const test = inScope('c.rowid', scope);
    return this.db.sql.all(
      `SELECT d.committee_id AS committeeId, count(*) AS filed, sum(d.state = 'archived') AS archived,
              sum(EXISTS (SELECT 1 FROM dossier_reviews r WHERE r.dossier_id = d.id AND r.deleted_at IS NULL)) AS reviewed
         FROM dossiers d JOIN cases c ON c.id = d.case_id
        WHERE d.deleted_at IS NULL AND (CAST(? AS INTEGER) IS NULL OR d.volume_year = ?) AND ${test.sql}
        GROUP BY d.committee_id ORDER BY d.committee_id`,
      year ?? null,
      year ?? null,
      ...test.params,
    );
  }
}
