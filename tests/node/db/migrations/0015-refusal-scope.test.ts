import { afterEach, describe, expect, it } from 'vitest';
import { migrations, openStore } from '../../../../db';
import { removeTempDirs } from '../../../helpers/tempDir';
import { tempStore } from '../../../helpers/store';

afterEach(removeTempDirs);

const center = '7da55d92-5712-44e5-beb3-bda8994c7a55';
const yaofu = 'a9c1f1de-0d1c-4c1e-9b35-3f3a2c0f6b11';

describe('migration 0015: 不予受理 records belong to an organisation', () => {
  it("gives each existing record its clerk's first organisation, else the office", async () => {
    const before = migrations.slice(
      0,
      migrations.findIndex((m) => /0015$/.test(new m().name)),
    );
    const { store, file, key } = await tempStore({ migrations: before });
    store.sql.run(`INSERT INTO settings (key, value) VALUES ('office', ?)`, JSON.stringify({ id: center }));
    store.sql.run(
      `INSERT INTO users (id, origin_office_id, created_at, updated_at, username, username_key, display_name, roles,
         disabled, organisation_ids) VALUES ('u1', ?, 't', 't', 'yaofu', 'k1', '李青', '["intake"]', 0, ?)`,
      center,
      JSON.stringify([yaofu]),
    );
    const refusal = (id: string, by: string) =>
      store.sql.run(
        `INSERT INTO intake_refusals (id, origin_office_id, created_at, updated_at, received_on, applicant_name, township,
           dispute_type, summary, reason, told, recorded_by, recorded_by_name)
         VALUES (?, ?, 't', 't', '2026-11-30', '赵四', '姚伏镇', 'neighbour', '院墙纠纷', 'party_refused', '已告知', ?, '李青')`,
        id,
        center,
        by,
      );
    refusal('r1', 'u1');
    refusal('r2', 'gone');
    await store.close();

    const migrated = await openStore({ file, key, create: false, migrations });
    expect(
      migrated.sql.all(`SELECT id, organisation_id AS organisationId FROM intake_refusals ORDER BY id`),
    ).toEqual([
      { id: 'r1', organisationId: yaofu },
      { id: 'r2', organisationId: center },
    ]);
    await migrated.close();
  });
});
