import { describe, expect, it } from 'vitest';
import { IsNull } from 'typeorm';
import { DisputeTypeEntity, OrganisationEntity } from '../../../db/entities';
import { setUpApp } from '../../helpers/app';

// The committee and dispute-type look-ups of every intake read by prepared statements
// (db/repositories/entityRows.ts): they must give exactly what TypeORM's entity path gives.
describe('entity rows by prepared statement', () => {
  it('the seeded organisations and dispute types read the same both ways, booleans included', async () => {
    const app = await setUpApp();
    const repos = app.session.repos();
    const em = app.session.requireUnlocked().store.dataSource.manager;
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
});
