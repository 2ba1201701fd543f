import { describe, expect, it } from 'vitest';
import { SEED } from '../../fixtures/builders';
import { addUser, setUpApp, switchUser } from '../../helpers/app';

// A 不予受理 record holds a visitor's name, phone and story: only the scope of the organisation
// whose desk recorded it lists it or prints its 告知书 (issue 9's rule, migration 0015).

const refusal = (applicantName: string) => ({
  receivedOn: '2026-11-30',
  applicantName,
  applicantPhone: '13909528877',
  township: '姚伏镇',
  disputeType: 'neighbour',
  summary: '与邻居因院墙发生纠纷，邻居表示拒绝调解。',
  reason: 'party_refused' as const,
  told: '已告知可向人民法院起诉。',
});

describe('不予受理 records follow committee scope', () => {
  it('the recording desk lists and prints its own; another committee sees neither', async () => {
    const app = await setUpApp();
    await addUser(app, 'county', ['intake'], 'Passw0rd1', { organisationIds: [SEED.countyCenterId] });
    await addUser(app, 'yaofu', ['intake'], 'Passw0rd1', { organisationIds: [SEED.yaofuCommitteeId] });

    await switchUser(app, 'yaofu', 'Passw0rd1');
    const own = await app.ok('intake:refuse', refusal('赵四'));
    await switchUser(app, 'county', 'Passw0rd1');
    const centre = await app.ok('intake:refuse', refusal('钱五'));

    // The county centre covers its sector committees, not 姚伏镇's desk.
    const listed = await app.ok('intake:listRefusals', {});
    expect(listed.items.map((r) => r.applicantName)).toEqual(['钱五']);
    expect(listed.total).toBe(1);
    expect(await app.call('intake:refusalNotice', { id: own.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: '未找到该不予受理记录' },
    });
    expect((await app.call('intake:refusalNotice', { id: centre.id })).ok).toBe(true);

    await switchUser(app, 'yaofu', 'Passw0rd1');
    expect((await app.ok('intake:listRefusals', {})).items.map((r) => r.applicantName)).toEqual(['赵四']);
    expect((await app.call('intake:refusalNotice', { id: centre.id })).ok).toBe(false);
  });
});
