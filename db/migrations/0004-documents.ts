import type { MigrationInterface, QueryRunner } from 'typeorm';
import { syncableSql } from '../entities/columns';
import { migrationName } from './name';

/**
 * Word documents: every generation is a stored version (the .docx bytes inside the encrypted
 * database, never as a loose file) with who made it, when, its SHA-256 and, for agreements,
 * the verification fingerprint a 核验 looks up; signed scans attach to a version. Organisations
 * gain the exact text of their seal (NULL: derived from the county and the committee's name).
 */
export class Documents0004 implements MigrationInterface {
  name = migrationName('Documents', 4);

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organisations ADD COLUMN seal_text TEXT`);

    await q.query(`CREATE TABLE document_versions (${syncableSql},
      case_id TEXT NOT NULL REFERENCES cases(id),
      kind TEXT NOT NULL,
      version_no INTEGER NOT NULL CHECK (version_no >= 1),
      title TEXT NOT NULL,
      file_name TEXT NOT NULL,
      size INTEGER NOT NULL,
      sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
      fingerprint TEXT,
      short_code TEXT,
      case_number TEXT NOT NULL,
      agreement_number TEXT,
      generated_by TEXT NOT NULL,
      generated_by_name TEXT NOT NULL,
      data BLOB NOT NULL
    )`);
    await q.query(`CREATE UNIQUE INDEX ux_document_versions ON document_versions(case_id, kind, version_no)`);
    await q.query(
      `CREATE INDEX ix_document_versions_short_code ON document_versions(short_code) WHERE short_code IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX ix_document_versions_fingerprint ON document_versions(fingerprint) WHERE fingerprint IS NOT NULL`,
    );

    await q.query(`CREATE TABLE document_scans (${syncableSql},
      version_id TEXT NOT NULL REFERENCES document_versions(id),
      case_id TEXT NOT NULL REFERENCES cases(id),
      file_name TEXT NOT NULL,
      mime_type TEXT NOT NULL CHECK (mime_type IN ('application/pdf', 'image/jpeg', 'image/png')),
      size INTEGER NOT NULL,
      sha256 TEXT NOT NULL,
      data BLOB NOT NULL,
      added_by_name TEXT NOT NULL
    )`);
    await q.query(`CREATE INDEX ix_document_scans_version ON document_scans(version_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE document_scans`);
    await q.query(`DROP TABLE document_versions`);
    await q.query(`ALTER TABLE organisations DROP COLUMN seal_text`);
  }
}
