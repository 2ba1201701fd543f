import { afterEach, describe, expect, it } from 'vitest';
import { migrations, openStore, repositories, handleOf } from '../../../../db';
import { verifyChain } from '../../../../main/core/audit/verify';
import { insertLegacyChain } from '../../../helpers/legacyAudit';
import { removeTempDirs } from '../../../helpers/tempDir';
import { tempStore } from '../../../helpers/store';

afterEach(removeTempDirs);

describe('migration 0006: signed audit entries, forced password change', () => {
  it('keeps an existing chain verifying and adds the new columns with safe defaults', async () => {
    const { store, file, key } = await tempStore({ migrations: migrations.slice(0, 5) });
    insertLegacyChain(store, { id: 'u1', name: '王管理' }, ['setup:complete', 'settings:update']);
    store.sql.run(
      `INSERT INTO users (id, origin_office_id, created_at, updated_at, username, username_key, display_name, roles)
       VALUES ('u1', 'o', 't', 't', 'admin', 'admin', '王管理', '["admin"]')`,
    );
    await store.close();

    const migrated = await openStore({ file, key, create: false, migrations });
    const repos = repositories(handleOf(migrated));
    const rows = [...repos.audit.inOrder()];
    expect(rows.map((r) => [r.format, r.signerId, r.signature, r.enrolsUserId])).toEqual([
      [1, null, null, null],
      [1, null, null, null],
    ]);
    expect(verifyChain(rows)).toMatchObject({ intact: true, checked: 2 });
    expect((await repos.users.findById('u1'))?.mustChangePassword).toBe(false);
    await migrated.close();
  });
});
