import type { MigrationInterface, QueryRunner } from 'typeorm';
import { displayNameFor } from '../../main/contract';
import { migrationName } from './name';

/**
 * Uploaded files were stored under their names as typed: `../../etc/cron.d/x.pdf`, bidi
 * controls that show `invoice‮fdp.exe` as `invoiceexe.pdf`. Since issue 8 an upload keeps only a
 * safe display name (main/contract/validation/fileName.ts); this gives the files stored before
 * the same. A name with nothing left becomes 附件 plus the type's extension. Not reversible: the
 * names as typed are not kept anywhere (down() leaves the clean names).
 */
export class SafeFileNames0011 implements MigrationInterface {
  name = migrationName('SafeFileNames', 11);

  async up(q: QueryRunner): Promise<void> {
    for (const table of ['attachments', 'document_scans']) {
      const rows = (await q.query(
        `SELECT id, file_name AS fileName, mime_type AS mimeType FROM ${table}`,
      )) as {
        id: string;
        fileName: string;
        mimeType: string;
      }[];
      for (const row of rows) {
        const shown = displayNameFor(row.fileName, row.mimeType) || displayNameFor('附件', row.mimeType);
        if (shown !== row.fileName)
          await q.query(`UPDATE ${table} SET file_name = ? WHERE id = ?`, [shown, row.id]);
      }
    }
  }

  async down(): Promise<void> {
    // The names as typed are gone on purpose; the clean names are valid for the older schema too.
  }
}
