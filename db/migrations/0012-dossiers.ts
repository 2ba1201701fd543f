import type { MigrationInterface, QueryRunner } from 'typeorm';
import { syncableSql } from '../entities/columns';
import { migrationName } from './name';

/**
 * 卷宗 (一案一卷): one dossier per closed case with its 卷号 (one sequence per committee per year),
 * 立卷人, 立卷日期, 保管期限 and state; paper the archivist scans in (ID proofs, powers of attorney,
 * receipts…); every archiving keeps the frozen PDF as a numbered revision; re-openings with their
 * reason; and 案卷评查 results (checklist scores, grade, reviewer) for the subsidy calculation.
 * Archived cases carry the case status 'archived'.
 */
export class Dossiers0012 implements MigrationInterface {
  name = migrationName('Dossiers', 12);

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE dossiers (${syncableSql},
      case_id TEXT NOT NULL REFERENCES cases(id),
      committee_id TEXT NOT NULL,
      volume_year INTEGER NOT NULL,
      volume_seq INTEGER NOT NULL CHECK (volume_seq >= 1),
      volume_number TEXT NOT NULL,
      title TEXT NOT NULL,
      filed_by TEXT NOT NULL,
      filed_by_name TEXT NOT NULL,
      filed_on TEXT NOT NULL,
      retention TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('open', 'archived')),
      revision INTEGER NOT NULL DEFAULT 0,
      notes TEXT,
      checked_by TEXT,
      missing_reason TEXT
    )`);
    await q.query(`CREATE UNIQUE INDEX ux_dossiers_case ON dossiers(case_id) WHERE deleted_at IS NULL`);
    await q.query(
      `CREATE UNIQUE INDEX ux_dossiers_volume ON dossiers(committee_id, volume_year, volume_seq)`,
    );
    await q.query(`CREATE INDEX ix_dossiers_number ON dossiers(volume_number)`);
    await q.query(`CREATE INDEX ix_dossiers_committee ON dossiers(committee_id, filed_on)`);

    await q.query(`CREATE TABLE dossier_papers (${syncableSql},
      dossier_id TEXT NOT NULL REFERENCES dossiers(id),
      case_id TEXT NOT NULL REFERENCES cases(id),
      item TEXT NOT NULL,
      file_name TEXT NOT NULL,
      mime_type TEXT NOT NULL CHECK (mime_type IN ('application/pdf', 'image/jpeg', 'image/png')),
      size INTEGER NOT NULL,
      pages INTEGER NOT NULL,
      sha256 TEXT NOT NULL,
      data BLOB NOT NULL,
      added_by_name TEXT NOT NULL
    )`);
    await q.query(`CREATE INDEX ix_dossier_papers_dossier ON dossier_papers(dossier_id)`);

    await q.query(`CREATE TABLE dossier_archives (${syncableSql},
      dossier_id TEXT NOT NULL REFERENCES dossiers(id),
      revision INTEGER NOT NULL CHECK (revision >= 1),
      archived_by_name TEXT NOT NULL,
      page_count INTEGER NOT NULL,
      sha256 TEXT NOT NULL,
      missing_reason TEXT,
      reopened_at TEXT,
      reopened_by_name TEXT,
      reopen_reason TEXT,
      pdf BLOB NOT NULL
    )`);
    await q.query(`CREATE UNIQUE INDEX ux_dossier_archives ON dossier_archives(dossier_id, revision)`);

    await q.query(`CREATE TABLE dossier_reviews (${syncableSql},
      dossier_id TEXT NOT NULL REFERENCES dossiers(id),
      case_id TEXT NOT NULL REFERENCES cases(id),
      committee_id TEXT NOT NULL,
      reviewer_id TEXT NOT NULL,
      reviewer_name TEXT NOT NULL,
      reviewed_on TEXT NOT NULL,
      scores TEXT NOT NULL,
      total REAL NOT NULL,
      grade TEXT NOT NULL,
      comments TEXT
    )`);
    await q.query(`CREATE INDEX ix_dossier_reviews_dossier ON dossier_reviews(dossier_id, reviewed_on)`);
    await q.query(`CREATE INDEX ix_dossier_reviews_committee ON dossier_reviews(committee_id, reviewed_on)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE cases SET status = 'closed' WHERE status = 'archived'`);
    await q.query(`DROP TABLE dossier_reviews`);
    await q.query(`DROP TABLE dossier_archives`);
    await q.query(`DROP TABLE dossier_papers`);
    await q.query(`DROP TABLE dossiers`);
  }
}
