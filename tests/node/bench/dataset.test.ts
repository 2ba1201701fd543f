import { describe, expect, it } from 'vitest';
import { Dataset, toInput } from '../../../scripts/bench/dataset';
import { addUser, setUpApp, switchUser } from '../../helpers/app';
import { SEED } from '../../fixtures/builders';

// The bench's generator must produce cases the service accepts: the bench died after its bulk
// load once the referring court became required for court-referred cases (issue 8 §2). The
// `npm test` bench step runs it whole; this pins down the court-referred cases themselves.

describe('the bench dataset', () => {
  it('generates court-referred cases (委派 and 委托) that cases:create accepts as they are', async () => {
    const app = await setUpApp();
    const clerk = await addUser(app, 'clerk', ['intake']);
    await switchUser(app, clerk.username, clerk.password);
    const catalog = await app.ok('catalog:get', {});
    const dataset = new Dataset({
      seed: 'court-referred',
      committees: catalog.committees.map((c) => ({ id: c.id, township: c.township, kind: c.kind })),
      from: '2026-11-30',
      to: '2026-11-30',
    });
    const referred = Array.from({ length: 400 }, () => dataset.newCase('2026-11-30')).filter(
      (c) => c.source === 'court_delegated' || c.source === 'court_entrusted',
    );
    const kinds = new Set(referred.map((c) => c.source));
    expect(kinds).toEqual(new Set(['court_delegated', 'court_entrusted']));
    for (const c of referred.slice(0, 12)) {
      // Registered at the county centre, the clerk's own organisation (as the bench does).
      const result = await app.call('cases:create', { ...toInput(c), committeeId: SEED.countyCenterId });
      if (!result.ok) throw new Error(`${c.source}: ${result.error.message}`);
      expect(result.value.referringCourt).toBe(c.referringCourt);
      expect(result.value.referringCourt).toMatch(/人民法院$/);
    }
    for (const c of referred) {
      expect(c.referringCourt).toMatch(/人民法院$/);
      expect(c.courtProcedure === null).toBe(c.source === 'court_delegated');
    }
  });
});
