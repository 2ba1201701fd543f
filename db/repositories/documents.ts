import type { DbHandle } from '../dataSource';
import type { Syncable } from '../entities';

// Stored document versions and the signed scans attached to them. The bytes stay inside the
// encrypted database; lists never read the BLOB columns.

export interface DocumentVersionRow extends Syncable {
  caseId: string;
  kind: string;
  versionNo: number;
  title: string;
  fileName: string;
  size: number;
  sha256: string;
  fingerprint: string | null;
  shortCode: string | null;
  caseNumber: string;
  agreementNumber: string | null;
  generatedBy: string;
  generatedByName: string;
}

export interface DocumentScanRow extends Syncable {
  versionId: string;
  caseId: string;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  addedByName: string;
}

const sync = `id, origin_office_id AS originOfficeId, version, created_at AS createdAt, updated_at AS updatedAt, deleted_at AS deletedAt`;
const versionColumns = `${sync}, case_id AS caseId, kind, version_no AS versionNo, title, file_name AS fileName, size, sha256,
  fingerprint, short_code AS shortCode, case_number AS caseNumber, agreement_number AS agreementNumber,
  generated_by AS generatedBy, generated_by_name AS generatedByName`;
const scanColumns = `${sync}, version_id AS versionId, case_id AS caseId, file_name AS fileName, mime_type AS mimeType, size,
  sha256, added_by_name AS addedByName`;

export class DocumentRepository {
  constructor(private readonly db: DbHandle) {}

  insertVersion(row: DocumentVersionRow, data: Buffer): void {
    this.db.sql.run(
      `INSERT INTO document_versions (id, origin_office_id, version, created_at, updated_at, deleted_at, case_id, kind, version_no,
         title, file_name, size, sha256, fingerprint, short_code, case_number, agreement_number, generated_by, generated_by_name, data)
       VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      row.id,
      row.originOfficeId,
      row.version,
      row.createdAt,
      row.updatedAt,
      row.caseId,
      row.kind,
      row.versionNo,
      row.title,
      row.fileName,
      row.size,
      row.sha256,
      row.fingerprint,
      row.shortCode,
      row.caseNumber,
      row.agreementNumber,
      row.generatedBy,
      row.generatedByName,
      data,
    );
  }

  /** The next version number of this kind for the case (1 for the first). */
  nextVersionNo(caseId: string, kind: string): number {
    const row = this.db.sql.get<{ n: number | null }>(
      `SELECT max(version_no) AS n FROM document_versions WHERE case_id = ? AND kind = ?`,
      caseId,
      kind,
    );
    return (row?.n ?? 0) + 1;
  }

  /** Every version of the case (optionally of one kind), newest first within a kind. */
  versions(caseId: string, kind?: string): DocumentVersionRow[] {
    return kind
      ? this.db.sql.all(
          `SELECT ${versionColumns} FROM document_versions WHERE case_id = ? AND kind = ? AND deleted_at IS NULL
           ORDER BY version_no DESC`,
          caseId,
          kind,
        )
      : this.db.sql.all(
          `SELECT ${versionColumns} FROM document_versions WHERE case_id = ? AND deleted_at IS NULL ORDER BY kind, version_no DESC`,
          caseId,
        );
  }

  version(id: string): DocumentVersionRow | undefined {
    return this.db.sql.get(
      `SELECT ${versionColumns} FROM document_versions WHERE id = ? AND deleted_at IS NULL`,
      id,
    );
  }

  versionData(id: string): Buffer | undefined {
    return this.db.sql.get<{ data: Buffer }>(
      `SELECT data FROM document_versions WHERE id = ? AND deleted_at IS NULL`,
      id,
    )?.data;
  }

  /** Agreement versions carrying a short code, oldest first. */
  byShortCode(shortCode: string): DocumentVersionRow[] {
    return this.db.sql.all(
      `SELECT ${versionColumns} FROM document_versions WHERE short_code = ? AND deleted_at IS NULL ORDER BY created_at, version_no`,
      shortCode,
    );
  }

  byFingerprint(fingerprint: string): DocumentVersionRow[] {
    return this.db.sql.all(
      `SELECT ${versionColumns} FROM document_versions WHERE fingerprint = ? AND deleted_at IS NULL ORDER BY created_at, version_no`,
      fingerprint,
    );
  }

  insertScan(row: DocumentScanRow, data: Buffer): void {
    this.db.sql.run(
      `INSERT INTO document_scans (id, origin_office_id, version, created_at, updated_at, deleted_at, version_id, case_id, file_name,
         mime_type, size, sha256, data, added_by_name)
       VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?)`,
      row.id,
      row.originOfficeId,
      row.version,
      row.createdAt,
      row.updatedAt,
      row.versionId,
      row.caseId,
      row.fileName,
      row.mimeType,
      row.size,
      row.sha256,
      data,
      row.addedByName,
    );
  }

  /** Scans of the case's versions, oldest first. */
  scans(caseId: string): DocumentScanRow[] {
    return this.db.sql.all(
      `SELECT ${scanColumns} FROM document_scans WHERE case_id = ? AND deleted_at IS NULL ORDER BY created_at, rowid`,
      caseId,
    );
  }

  scan(id: string): (DocumentScanRow & { data: Buffer }) | undefined {
    return this.db.sql.get(
      `SELECT ${scanColumns}, data FROM document_scans WHERE id = ? AND deleted_at IS NULL`,
      id,
    );
  }

  organisationName(organisationId: string): string | null {
    return (
      this.db.sql.get<{ name: string }>(`SELECT name FROM organisations WHERE id = ?`, organisationId)
        ?.name ?? null
    );
  }

  /** The organisation's own seal text; null when not set (documents then derive it). */
  sealText(organisationId: string): string | null {
    return (
      this.db.sql.get<{ sealText: string | null }>(
        `SELECT seal_text AS sealText FROM organisations WHERE id = ?`,
        organisationId,
      )?.sealText ?? null
    );
  }
}
