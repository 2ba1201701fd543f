import type { MigrationInterface, QueryRunner } from 'typeorm';
import villages from '../../resources/seed/pingluo-villages.json';
import localTypes from '../../resources/seed/dispute-types-ningxia.json';
import { migrationName } from './name';

const COUNTY_CENTER = '7da55d92-5712-44e5-beb3-bda8994c7a55';

/**
 * The intake desk's first hour (issue 11):
 * - Pingluo's 182 villages and communities with their 统计用区划代码 (NBS 2023), which the
 *   provincial export needs; a village the office already typed in under the same name gets its
 *   code instead of a duplicate;
 * - the Ningxia local dispute sub-types (土地流转, 农民工工资, 婚约财产, 宅基地), unless the office
 *   already has a type of that name;
 * - the other routes a 不予受理告知书 names;
 * - organisations' credit codes found by their last four characters, through the same suffix
 *   index as ID numbers (nothing new is stored: the column was empty for organisations).
 */
export class IntakeDesk0009 implements MigrationInterface {
  name = migrationName('IntakeDesk', 9);

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE villages ADD COLUMN code TEXT`);
    await q.query(
      `CREATE UNIQUE INDEX ux_villages_code ON villages(code) WHERE code IS NOT NULL AND deleted_at IS NULL`,
    );
    const now = new Date(0).toISOString();
    for (const v of villages.villages) {
      const named = (await q.query(
        `SELECT id FROM villages WHERE township = ? AND name = ? AND deleted_at IS NULL`,
        [v.township, v.name],
      )) as { id: string }[];
      if (named.length > 0) {
        await q.query(`UPDATE villages SET code = ? WHERE id = ? AND code IS NULL`, [v.code, named[0]!.id]);
        continue;
      }
      await q.query(
        `INSERT OR IGNORE INTO villages (id, origin_office_id, created_at, updated_at, township, name, active, code)
         VALUES (?, ?, ?, ?, ?, ?, 1, ?)`,
        [v.id, COUNTY_CENTER, now, now, v.township, v.name, v.code],
      );
    }

    for (const t of localTypes.types) {
      await q.query(
        `INSERT INTO dispute_types (code, name, official_code, active, sort)
         SELECT ?, ?, ?, 1, (SELECT coalesce(max(sort), 0) + 1 FROM dispute_types)
          WHERE NOT EXISTS (SELECT 1 FROM dispute_types WHERE code = ? OR name = ?)`,
        [t.code, t.name, t.officialCode, t.code, t.name],
      );
    }

    await q.query(`ALTER TABLE intake_refusals ADD COLUMN routes TEXT NOT NULL DEFAULT '[]'`);

    await q.query(
      `UPDATE parties SET id_suffix = substr(credit_code, -4)
        WHERE kind = 'organisation' AND credit_code IS NOT NULL AND id_suffix IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE parties SET id_suffix = NULL WHERE kind = 'organisation'`);
    await q.query(`ALTER TABLE intake_refusals DROP COLUMN routes`);
    for (const t of localTypes.types) {
      await q.query(
        `DELETE FROM dispute_types WHERE code = ? AND NOT EXISTS (SELECT 1 FROM cases WHERE dispute_type = ?)`,
        [t.code, t.code],
      );
    }
    for (const v of villages.villages) await q.query(`DELETE FROM villages WHERE id = ?`, [v.id]);
    await q.query(`DROP INDEX ux_villages_code`);
    await q.query(`ALTER TABLE villages DROP COLUMN code`);
  }
}
