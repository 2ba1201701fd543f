import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationName } from './name';

/**
 * One party record per person per office (issue 14). Two townships that each register 马玉兰
 * with her ID card each create a record of their own (their own UUID); the county receives both.
 * With the ID document unique across the whole table the second township's package was refused,
 * so its cases could never reach the county. The unique indexes now hold per owning office
 * (origin_office_id): an office still never keeps two live records of one ID document or credit
 * code, while the records other offices made of the same person live beside its own, each under
 * its own UUID, so both installations keep identical rows for what they share. Look-ups treat
 * records with the same ID document as one person (db/repositories/parties.ts). Both indexes
 * keep their names and their leading columns (every query that used them still does).
 * Rather than one local record with the other offices' UUIDs mapped onto it (an alias table):
 * that would rewrite every party link on the way in and back on the way out, the county's row
 * would no longer be the township's row, and two townships' details of a person (address, phone)
 * would have to be merged into one — a person's decision, not an import's.
 */
export class PartiesPerOffice0026 implements MigrationInterface {
  name = migrationName('PartiesPerOffice', 26);

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ux_parties_id`);
    await q.query(
      `CREATE UNIQUE INDEX ux_parties_id ON parties(id_type, id_number, origin_office_id)
         WHERE id_number IS NOT NULL AND deleted_at IS NULL`,
    );
    await q.query(`DROP INDEX ux_parties_credit`);
    await q.query(
      `CREATE UNIQUE INDEX ux_parties_credit ON parties(credit_code, origin_office_id)
         WHERE credit_code IS NOT NULL AND deleted_at IS NULL`,
    );
  }

  /** Fails while two offices' records of one person are live here (they cannot be told apart). */
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ux_parties_credit`);
    await q.query(
      `CREATE UNIQUE INDEX ux_parties_credit ON parties(credit_code) WHERE credit_code IS NOT NULL AND deleted_at IS NULL`,
    );
    await q.query(`DROP INDEX ux_parties_id`);
    await q.query(
      `CREATE UNIQUE INDEX ux_parties_id ON parties(id_type, id_number) WHERE id_number IS NOT NULL AND deleted_at IS NULL`,
    );
  }
}
