import { describe, expect, it } from 'vitest';
import { compositionNotes, previewCaseNumber } from '../../../main/contract';
import { aCase, SEED } from '../../fixtures/builders';
import { ROSTER } from '../../fixtures/roster';
import { addUser, setUpApp, switchUser } from '../../helpers/app';

// Issue 8 §4: the committee composition rules (人民调解法 Arts. 8–9) and the case-number format
// lived only in the 调解组织 screen. They are the contract's now (main/contract/rules), and the
// service says what the screen shows.

describe('the organisation service and the composition rules', () => {
  it('warns in orgs:tree exactly as the rules do on the roster, on the office day', async () => {
    const app = await setUpApp();
    await app.ok('mediators:save', ROSTER.township);
    const tree = await app.ok('orgs:tree', {});
    const roster = await app.ok('mediators:list', { includeInactive: false });
    expect(tree.composition[SEED.yaofuCommitteeId]).toEqual(
      ['委员人数不足3人（现有1人）', '无女性委员'].map((text) => ({ level: 'warning', text })),
    );
    for (const org of tree.organisations) {
      expect(tree.composition[org.id], org.name).toEqual(compositionNotes(org, roster, '2026-11-30'));
    }
    // A woman joins, then a third member: the warnings go as the roster changes.
    await app.ok('mediators:save', {
      ...ROSTER.medical,
      memberships: [{ organisationId: SEED.yaofuCommitteeId, position: '副主任' }],
    });
    await app.ok('mediators:save', {
      ...ROSTER.related,
      ethnicity: '汉族',
      householdMembers: [],
      memberships: [{ organisationId: SEED.yaofuCommitteeId, position: '委员' }],
    });
    expect((await app.ok('orgs:tree', {})).composition[SEED.yaofuCommitteeId]).toEqual([]);
  });

  it('allocates the very number the pattern preview shows', async () => {
    const app = await setUpApp();
    const tree = await app.ok('orgs:tree', {});
    const yaofu = tree.organisations.find((o) => o.id === SEED.yaofuCommitteeId)!;
    await app.ok('orgs:save', {
      id: yaofu.id,
      version: yaofu.version,
      name: yaofu.name,
      kind: yaofu.kind,
      parentId: yaofu.parentId,
      abbreviation: '平姚',
      caseNumberPattern: '({year}){abbr}调字第｛seq：5｝号',
      township: yaofu.township ?? undefined,
      specialties: yaofu.specialties,
    });
    const saved = (await app.ok('orgs:tree', {})).organisations.find((o) => o.id === SEED.yaofuCommitteeId)!;
    const clerk = await addUser(app, 'clerk', ['intake'], undefined, {
      organisationIds: [SEED.yaofuCommitteeId],
    });
    await switchUser(app, clerk.username, clerk.password);
    const created = await app.ok('cases:create', aCase({ committeeId: SEED.yaofuCommitteeId }));
    const preview = previewCaseNumber(saved.caseNumberPattern, saved.abbreviation, 2026, 1);
    expect(preview).toEqual({ ok: true, text: '（2026）平姚调字第00001号' });
    expect(created.caseNumber).toBe(preview.ok ? preview.text : null);
  });
});
