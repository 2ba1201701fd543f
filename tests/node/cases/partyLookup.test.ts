import { actorScope } from '../../../main/core/scope';
import { describe, expect, it } from 'vitest';
import { addUser, setUpApp, switchUser, type TestApp } from '../../helpers/app';
import { aCase, anOrganisation, aPerson } from '../../fixtures/builders';

// The intake form's party lookup (parties:search): what the clerk sees while typing a name, an
// ID number or a credit code, and what choosing one brings along.

async function clerkApp(): Promise<TestApp> {
  const app = await setUpApp();
  const clerk = await addUser(app, 'clerk', ['intake']);
  await switchUser(app, clerk.username, clerk.password);
  return app;
}

const COMPANY = anOrganisation({
  name: '宁夏塞上沃土农业有限公司',
  creditCode: '91640221MA76K3P8XF',
  representative: '刘振华',
  representativeTitle: '执行董事',
});

describe('the party lookup', () => {
  it('matches a name anywhere in it, the start first, and brings what is on record (ID masked)', async () => {
    const app = await clerkApp();
    await app.ok('cases:create', aCase({ parties: [aPerson({ sex: 'female' }), COMPANY] }));
    const names = async (query: string) => (await app.ok('parties:search', { query })).map((s) => s.name);
    expect(await names('塞上沃土')).toEqual(['宁夏塞上沃土农业有限公司']);
    expect(await names('沃土')).toEqual(['宁夏塞上沃土农业有限公司']);
    expect(await names('宁夏塞上')).toEqual(['宁夏塞上沃土农业有限公司']);
    expect(await names('玉兰')).toEqual(['马玉兰']);
    expect(await names('兰州')).toEqual([]);

    const [company] = await app.ok('parties:search', { query: '沃土' });
    expect(company).toMatchObject({
      kind: 'organisation',
      creditCode: '91640221MA76K3P8XF',
      representative: '刘振华',
      representativeTitle: '执行董事',
      caseCount: 1,
    });
    const [person] = await app.ok('parties:search', { query: '马玉' });
    expect(person).toMatchObject({
      kind: 'person',
      sex: 'female',
      birthDate: '1985-03-15',
      ethnicity: '回族',
      idType: 'resident_id',
      idNumberMasked: '640221********0026',
      occupation: '农民',
      caseCount: 1,
    });
    expect(JSON.stringify(person)).not.toContain('640221198503150026');
  });

  it('finds a company by its full credit code and by the last 4 characters', async () => {
    const app = await clerkApp();
    await app.ok('cases:create', aCase({ parties: [aPerson(), COMPANY] }));
    for (const query of ['91640221MA76K3P8XF', '91640221ma76k3p8xf', 'P8XF', 'p8xf'])
      expect((await app.ok('parties:search', { query })).map((s) => s.name)).toEqual([
        '宁夏塞上沃土农业有限公司',
      ]);
  });

  it('leaves out the parties of a voided case, and counts only cases that are not voided', async () => {
    const app = await clerkApp();
    const voided = await app.ok(
      'cases:create',
      aCase({ parties: [aPerson({ name: '张志军', idNumber: '640221198001010015' }), COMPANY] }),
    );
    await app.ok('cases:void', { id: voided.id, reason: '误登，当事人信息有误' });
    expect(await app.ok('parties:search', { query: '张志' })).toEqual([]);
    expect(await app.ok('parties:search', { query: '沃土' })).toEqual([]);
    expect(await app.ok('parties:search', { query: '0015' })).toEqual([]);
    // Typed in full, the record is still the one saving would reuse: shown with no live case.
    expect(await app.ok('parties:search', { query: '640221198001010015' })).toMatchObject([
      { name: '张志军', caseCount: 0 },
    ]);

    await app.ok('cases:create', aCase({ township: '城关镇', parties: [aPerson(), COMPANY] }));
    expect(await app.ok('parties:search', { query: '沃土' })).toMatchObject([
      { name: '宁夏塞上沃土农业有限公司', caseCount: 1 },
    ]);
  });
});

describe('the party lookup’s query plans', () => {
  it('never reads the party or case tables from end to end, whatever is typed', async () => {
    const app = await clerkApp();
    await app.ok('cases:create', aCase({ parties: [aPerson(), COMPANY] }));
    const repos = app.session.repos();
    const scope = actorScope(repos, app.session.actor!).principals;
    const scans = /^SCAN (parties|cases|case_parties|c|p|cp)\b/;
    for (const query of [
      { name: { text: '沃土', match: '"沃土"' } },
      { name: { text: '马', match: null } },
      { idSuffix: 'P8XF' },
      { idNumber: '640221198503150026' },
      { creditCode: '91640221MA76K3P8XF' },
    ]) {
      const lines = repos.parties.suggestPlan(query, scope);
      expect(lines.length).toBeGreaterThan(0);
      expect(
        lines.find((l) => scans.test(l)),
        `${JSON.stringify(query)}:\n${lines.join('\n')}`,
      ).toBeUndefined();
    }
  });
});
