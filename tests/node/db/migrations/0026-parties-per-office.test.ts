import { afterEach, describe, expect, it } from 'vitest';
import type { SqliteStore as Store } from '../../../../db';
import { removeTempDirs } from '../../../helpers/tempDir';
import { storeBefore } from '../../../helpers/store';

afterEach(removeTempDirs);

const ID_NUMBER = '640221198503150026';
const CREDIT = '91512081MA62K0260E';

function addPerson(store: Store, id: string, office: string) {
  store.sql.run(
    `INSERT INTO parties (id, origin_office_id, created_at, updated_at, kind, name, id_type, id_number, id_suffix)
     VALUES (?, ?, 't', 't', 'person', '马玉兰', 'resident_id', ?, ?)`,
    id,
    office,
    ID_NUMBER,
    ID_NUMBER.slice(-4),
  );
}

function addCompany(store: Store, id: string, office: string) {
  store.sql.run(
    `INSERT INTO parties (id, origin_office_id, created_at, updated_at, kind, name, credit_code, id_suffix)
     VALUES (?, ?, 't', 't', 'organisation', '平罗县塞上农业科技有限公司', ?, ?)`,
    id,
    office,
    CREDIT,
    CREDIT.slice(-4),
  );
}

const columnsOf = (store: Store, index: string) =>
  (store.sql.raw.pragma(`index_info(${index})`) as { name: string }[]).map((c) => c.name);

describe('migration 0026: a party record is unique per ID document within each office', () => {
  it('keeps the rows, lets another office’s record of the same person in, and still refuses a second one of the same office', async () => {
    const { store, migrate } = await storeBefore(26);
    addPerson(store, 'p-town1', 'town-1');
    addCompany(store, 'o-town1', 'town-1');
    // Before: one record per ID document in the whole table, whoever made it.
    expect(() => addPerson(store, 'p-town2', 'town-2')).toThrow(/UNIQUE/);
    expect(() => addCompany(store, 'o-town2', 'town-2')).toThrow(/UNIQUE/);

    const migrated = await migrate();
    expect(columnsOf(migrated, 'ux_parties_id')).toEqual(['id_type', 'id_number', 'origin_office_id']);
    expect(columnsOf(migrated, 'ux_parties_credit')).toEqual(['credit_code', 'origin_office_id']);
    expect(migrated.sql.all(`SELECT id FROM parties ORDER BY id`)).toEqual([
      { id: 'o-town1' },
      { id: 'p-town1' },
    ]);
    addPerson(migrated, 'p-town2', 'town-2');
    addCompany(migrated, 'o-town2', 'town-2');
    expect(() => addPerson(migrated, 'p-town1-again', 'town-1')).toThrow(/UNIQUE/);
    expect(() => addCompany(migrated, 'o-town1-again', 'town-1')).toThrow(/UNIQUE/);
    // A deleted record never blocks a new one (as before).
    migrated.sql.run(`UPDATE parties SET deleted_at = 't' WHERE id = 'p-town1'`);
    addPerson(migrated, 'p-town1-new', 'town-1');
    // The look-up by ID document still seeks the index.
    const plan = migrated.sql.raw
      .prepare(
        `EXPLAIN QUERY PLAN SELECT id FROM parties WHERE id_type = ? AND id_number = ? AND deleted_at IS NULL`,
      )
      .all('resident_id', ID_NUMBER) as { detail: string }[];
    expect(plan.map((r) => r.detail).join('\n')).toMatch(/ux_parties_id \(id_type=\? AND id_number=\?\)/);
    await migrated.close();
  });
});
