import { afterEach, describe, expect, it } from 'vitest';
import { migrations, openStore } from '../../../../db';
import { removeTempDirs } from '../../../helpers/tempDir';
import { tempStore } from '../../../helpers/store';

afterEach(removeTempDirs);

describe('migration 0024: exchange after a restore', () => {
  it('keeps every peer as it was, with no restore pending and nothing to send again', async () => {
    const before = migrations.slice(
      0,
      migrations.findIndex((m) => /0024$/.test(new m().name)),
    );
    const { store, file, key } = await tempStore({ migrations: before });
    store.sql.run(
      `INSERT INTO exchange_peers (office_id, last_sequence_out, last_sequence_in, acknowledged_out, receipt_due)
       VALUES ('o2', 3, 2, 1, 1)`,
    );
    await store.close();

    const migrated = await openStore({ file, key, create: false, migrations });
    expect(migrated.sql.get(`SELECT * FROM exchange_peers`)).toEqual({
      office_id: 'o2',
      last_sequence_out: 3,
      last_sequence_in: 2,
      acknowledged_out: 1,
      receipt_due: 1,
      restored_at: null,
      restored_audit_seq: 0,
      resend_due: 0,
    });
    expect(() => migrated.sql.run(`UPDATE exchange_peers SET resend_due = 2`)).toThrow(/CHECK/);
    await migrated.close();
  });
});
