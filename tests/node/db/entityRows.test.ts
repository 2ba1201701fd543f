import { sqliteOf, type UserRow } from '../../../db';
import { describe, expect, it } from 'vitest';
import { IsNull, type EntityManager } from 'typeorm';
import { DisputeTypeEntity, OrganisationEntity, UserEntity, VillageEntity } from '../../../db/entities';
import { setUpApp, type TestApp } from '../../helpers/app';

// The catalogue and user rows read and written by plain statements (db/repositories/entityRows.ts,
// what both stores run): they must give exactly what TypeORM's entity path gives.

interface Reference {
  /** TypeORM on the desk's file. */
  em: EntityManager;
  /** The desk whose file `em` reads: the app itself, or its twin (below). */
  desk: TestApp;
  /** A user row as both sides must agree on it. */
  same(row: UserRow | null): unknown;
}

/**
 * TypeORM's entity path, the reference the statements are held to. On the desk's SQLite file: the
 * app's own, every field compared. On the county centre's PostgreSQL, where TypeORM has no
 * connection: a twin desk on a file of its own, set up the same way, so the same seeded catalogue
 * and the same administrator; only what each installation makes for itself (a user's id and
 * times) is left out of the comparison there.
 */
async function referenceFor(app: TestApp): Promise<Reference> {
  const store = app.session.requireUnlocked().store;
  if (store.dialect === 'sqlite') return { em: store.dataSource.manager, desk: app, same: (row) => row };
  const twin = await setUpApp(undefined, { centre: null });
  return {
    em: sqliteOf(twin.session.requireUnlocked().store).dataSource.manager,
    desk: twin,
    same: (row) => {
      if (!row) return row;
      const { id: _id, createdAt: _created, updatedAt: _updated, ...rest } = row;
      return rest;
    },
  };
}

describe('entity rows by prepared statement', () => {
  it('the seeded organisations and dispute types read the same both ways, booleans included', async () => {
    const app = await setUpApp();
    const repos = app.session.repos();
    const { em } = await referenceFor(app);
    const orgs = await em.getRepository(OrganisationEntity).findBy({ deletedAt: IsNull() });
    expect(orgs.length).toBeGreaterThan(10);
    for (const o of orgs) expect(await repos.catalog.organisation(o.id)).toEqual(o);
    const types = await em.getRepository(DisputeTypeEntity).find();
    expect(types.length).toBeGreaterThan(5);
    for (const t of types) {
      expect(await repos.catalog.disputeType(t.code)).toEqual(t);
      expect(typeof (await repos.catalog.disputeType(t.code))!.active).toBe('boolean');
    }
    expect(await repos.catalog.organisation('no-such-id')).toBeNull();
    expect(await repos.catalog.disputeType('no-such-code')).toBeNull();
  });

  it('lists, finds and updates users and villages as TypeORM reads them: JSON lists and booleans too', async () => {
    const app = await setUpApp();
    const repos = app.session.repos();
    const { em, desk, same } = await referenceFor(app);
    const users = await em
      .getRepository(UserEntity)
      .find({ where: { deletedAt: IsNull() }, order: { createdAt: 'ASC' } });
    expect(users.length).toBeGreaterThan(0);
    const listed = await repos.users.list();
    expect(listed.map(same)).toEqual(users.map(same));
    const admin = listed[0]!;
    expect(Array.isArray(admin.roles) && typeof admin.disabled).toBe('boolean');
    expect(await repos.users.findByUsernameKey(admin.usernameKey)).toEqual(admin);
    const change = { disabled: true, roles: ['admin', 'archivist'] } satisfies Partial<UserRow>;
    expect(await repos.users.update(admin, change, admin.updatedAt)).toBe(true);
    expect(await repos.users.update(admin, { disabled: false }, admin.updatedAt)).toBe(false); // stale version
    // The row as TypeORM reads it after the statements wrote it (the twin's, after the same change).
    const reference = users[0]!;
    if (desk !== app) await desk.session.repos().users.update(reference, change, reference.updatedAt);
    const written = await em.getRepository(UserEntity).findOneBy({ id: reference.id });
    expect(written).toMatchObject({ ...change, version: admin.version + 1 });
    expect(same(await repos.users.findByUsernameKey(admin.usernameKey))).toEqual(same(written));
    const villages = await em
      .getRepository(VillageEntity)
      .find({ where: { deletedAt: IsNull() }, order: { township: 'ASC', name: 'ASC' } });
    expect(villages.length).toBeGreaterThan(100);
    expect(await repos.catalog.villages()).toEqual(villages);
    expect(await repos.catalog.villageByName(villages[5]!.township, villages[5]!.name)).toEqual(villages[5]);
  });
});
