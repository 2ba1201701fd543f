import { afterEach, describe, expect, it } from 'vitest';
import { migrations, openStore } from '../../../../db';
import { IntakeDesk0009 } from '../../../../db/migrations/0009-intake-desk';
import { removeTempDirs } from '../../../helpers/tempDir';
import { tempStore } from '../../../helpers/store';

afterEach(removeTempDirs);

const CENTER = '7da55d92-5712-44e5-beb3-bda8994c7a55';

describe('migration 0009: villages with their codes, local dispute types, refusal routes, credit-code suffixes', () => {
  it('seeds 182 villages with codes, keeps what the office typed, and adds the missing local types', async () => {
    const before = migrations.slice(0, migrations.indexOf(IntakeDesk0009));
    const { store, file, key } = await tempStore({ migrations: before });
    // What an office may already hold: a village typed by hand (one the seed also has, one it
    // has not), a local type named like a seeded one, an organisation party, a refusal.
    const village = (id: string, township: string, name: string) =>
      store.sql.run(
        `INSERT INTO villages (id, origin_office_id, created_at, updated_at, township, name, active)
         VALUES (?, ?, 't', 't', ?, ?, 1)`,
        id,
        CENTER,
        township,
        name,
      );
    village('v-typed', '渠口乡', '渠口村');
    village('v-own', '姚伏镇', '永丰村');
    store.sql.run(
      `INSERT INTO dispute_types (code, name, official_code, active, sort) VALUES ('tudi_liuzhuan', '土地流转', 'land_forest', 1, 90)`,
    );
    store.sql.run(
      `INSERT INTO parties (id, origin_office_id, created_at, updated_at, kind, name, credit_code)
       VALUES ('p-org', ?, 't', 't', 'organisation', '宁夏塞上沃土农业有限公司', '91640221MA76K3P8XF')`,
      CENTER,
    );
    store.sql.run(
      `INSERT INTO parties (id, origin_office_id, created_at, updated_at, kind, name, id_type, id_number, id_suffix)
       VALUES ('p-person', ?, 't', 't', 'person', '张志军', 'resident_id', '640221198001010016', '0016')`,
      CENTER,
    );
    store.sql.run(
      `INSERT INTO intake_refusals (id, origin_office_id, created_at, updated_at, received_on, applicant_name, township,
         dispute_type, summary, reason, told, recorded_by, recorded_by_name)
       VALUES ('r1', ?, 't', 't', '2026-11-20', '王五', '城关镇', 'contract', '某纠纷经过', 'not_civil', '已告知', 'u', '李青')`,
      CENTER,
    );
    await store.close();

    const migrated = await openStore({ file, key, create: false, migrations });
    const count = (sql: string) => migrated.sql.get<{ n: number }>(sql)!.n;
    expect(count(`SELECT count(*) AS n FROM villages WHERE code IS NOT NULL`)).toBe(182);
    expect(count(`SELECT count(*) AS n FROM villages`)).toBe(183); // 182 seeded (one merged) + the office's own
    expect(
      migrated.sql.get(`SELECT id, code FROM villages WHERE township = '渠口乡' AND name = '渠口村'`),
    ).toEqual({
      id: 'v-typed',
      code: '640221202200',
    });
    expect(migrated.sql.get(`SELECT code FROM villages WHERE id = 'v-own'`)).toEqual({ code: null });
    // Every township's villages, under the township's own code.
    const perTownship = migrated.sql.all<{ township: string; n: number; bad: number }>(
      `SELECT township, count(*) AS n, sum(substr(code, 1, 6) <> '640221') AS bad FROM villages WHERE code IS NOT NULL GROUP BY township`,
    );
    expect(perTownship).toHaveLength(13);
    expect(perTownship.every((t) => t.bad === 0)).toBe(true);
    expect(
      migrated.sql.get(`SELECT code FROM villages WHERE township = '城关镇' AND name = '古城社区'`),
    ).toEqual({
      code: '640221100001',
    });
    expect(
      migrated.sql.get(`SELECT code FROM villages WHERE township = '红崖子乡' AND name = '红崖子村'`),
    ).toEqual({
      code: '640221205200',
    });
    // A code names one village.
    expect(() =>
      migrated.sql.run(
        `INSERT INTO villages (id, origin_office_id, created_at, updated_at, township, name, active, code)
         VALUES ('dup', ?, 't', 't', '城关镇', '另一个', 1, '640221100001')`,
        CENTER,
      ),
    ).toThrow(/UNIQUE/);

    const types = migrated.sql.all<{ code: string; name: string; official: string }>(
      `SELECT code, name, official_code AS official FROM dispute_types WHERE name IN ('土地流转', '农民工工资', '婚约财产', '宅基地') ORDER BY sort`,
    );
    expect(types).toEqual([
      { code: 'tudi_liuzhuan', name: '土地流转', official: 'land_forest' },
      { code: 'migrant_wages', name: '农民工工资', official: 'labour' },
      { code: 'betrothal_property', name: '婚约财产', official: 'marriage_family' },
      { code: 'homestead', name: '宅基地', official: 'housing_homestead' },
    ]);

    expect(migrated.sql.get(`SELECT routes FROM intake_refusals WHERE id = 'r1'`)).toEqual({ routes: '[]' });
    expect(migrated.sql.get(`SELECT id_suffix AS s FROM parties WHERE id = 'p-org'`)).toEqual({
      s: '8XF'.padStart(4, 'P'),
    });
    expect(migrated.sql.get(`SELECT id_suffix AS s FROM parties WHERE id = 'p-person'`)).toEqual({
      s: '0016',
    });
    await migrated.close();
  });
});
