import { sqliteOf } from '../../../db';
import { describe, expect, it } from 'vitest';
import { IsNull } from 'typeorm';
import { DisputeTypeEntity, OrganisationEntity, UserEntity, VillageEntity } from '../../../db/entities';
import { setUpApp } from '../../helpers/app';

// The catalogue and user rows read and written by plain statements (db/repositories/entityRows.ts,
// what both stores run): they must give exactly what TypeORM's entity path gives.
describe('entity rows by prepared statement', () => {
  it('the seeded organisations and dispute types read the same both ways, booleans included', async () => {
    const app = await setUpApp();
    const repos = app.session.repos();
    const em = sqliteOf(app.session.requireUnlocked().store).dataSource.manager;
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
    const em = sqliteOf(app.session.requireUnlocked().store).dataSource.manager;
    const users = await em
      .getRepository(UserEntity)
      .find({ where: { deletedAt: IsNull() }, order: { createdAt: 'ASC' } });
    expect(users.length).toBeGreaterThan(0);
    expect(await repos.users.list()).toEqual(users);
    const admin = users[0]!;
    expect(Array.isArray(admin.roles) && typeof admin.disabled).toBe('boolean');
    expect(await repos.users.findByUsernameKey(admin.usernameKey)).toEqual(admin);
    expect(
      await repos.users.update(admin, { disabled: true, roles: ['admin', 'archivist'] }, admin.updatedAt),
    ).toBe(true);
    expect(await repos.users.update(admin, { disabled: false }, admin.updatedAt)).toBe(false); // stale version
    expect(await em.getRepository(UserEntity).findOneBy({ id: admin.id })).toMatchObject({
      disabled: true,
      roles: ['admin', 'archivist'],
      version: admin.version + 1,
    });
    const villages = await em
      .getRepository(VillageEntity)
      .find({ where: { deletedAt: IsNull() }, order: { township: 'ASC', name: 'ASC' } });
    expect(villages.length).toBeGreaterThan(100);
    expect(await repos.catalog.villages()).toEqual(villages);
    expect(await repos.catalog.villageByName(villages[5]!.township, villages[5]!.name)).toEqual(villages[5]);
  });
});
