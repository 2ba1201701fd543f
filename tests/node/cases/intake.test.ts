import { describe, expect, it } from 'vitest';
import { addUser, setUpApp, switchUser, type TestApp } from '../../helpers/app';
import { aCase, anOrganisation, aPerson, aRefusal } from '../../fixtures/builders';

async function clerkApp(): Promise<TestApp> {
  const app = await setUpApp();
  const clerk = await addUser(app, 'clerk', ['intake']);
  await switchUser(app, clerk.username, clerk.password);
  return app;
}

describe('registering a dispute', () => {
  it('numbers cases per committee and year, fills sex and birth date from the ID, masks IDs', async () => {
    const app = await clerkApp();
    const first = await app.ok('cases:create', aCase());
    expect(first.caseNumber).toBe('（2026）平调字第0001号');
    expect(first.status).toBe('accepted');
    expect(first.partyNames).toBe('马玉兰 与 平罗县塞上农业科技有限公司');
    expect(first.amountFen).toBe(8_630_000);
    const person = first.parties[0]!;
    expect(person).toMatchObject({
      sex: 'female',
      birthDate: '1985-03-15',
      idNumberMasked: '640221********0026',
    });
    const second = await app.ok(
      'cases:create',
      aCase({
        township: '城关镇',
        parties: [
          aPerson({ name: '李明', idNumber: '11010519491231002X' }),
          anOrganisation({ creditCode: '11320000MB151840XJ', name: '某公司' }),
        ],
      }),
    );
    expect(second.caseNumber).toBe('（2026）平调字第0002号');
  });

  it('reuses one party record for a person who appears in several cases', async () => {
    const app = await clerkApp();
    const first = await app.ok('cases:create', aCase());
    const second = await app.ok(
      'cases:create',
      aCase({
        township: '渠口乡',
        parties: [
          aPerson({ phone: '13800001111', address: '' }),
          aPerson({ role: 'respondent', name: '张三', idNumber: '440524188001010014' }),
        ],
        repeatReason: '另一纠纷，与前案无关',
      }),
    );
    expect(second.parties[0]!.partyId).toBe(first.parties[0]!.partyId);
    // The newest phone wins; an empty address does not erase the old one.
    expect(second.parties[0]).toMatchObject({ phone: '13800001111', address: '平罗县姚伏镇永丰村三队' });
  });

  it('names the expected check digit for a wrong ID number and stores nothing', async () => {
    const app = await clerkApp();
    const result = await app.call(
      'cases:create',
      aCase({ parties: [aPerson({ idNumber: '640221198503150027' }), anOrganisation()] }),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!result.ok) {
      expect(result.error.message).toContain('最后一位应为“6”');
      expect(result.error.issues?.[0]?.path).toEqual(['parties', 0, 'idNumber']);
    }
    expect((await app.ok('cases:list', {})).total).toBe(0);
  });

  it('refuses a sex that contradicts the ID number', async () => {
    const app = await clerkApp();
    const result = await app.call(
      'cases:create',
      aCase({ parties: [aPerson({ sex: 'male' }), anOrganisation()] }),
    );
    expect(result).toMatchObject({
      ok: false,
      error: { message: '当事人 › 第1项 › 性别：与身份证号码不符：号码显示为女性' },
    });
  });

  it('warns about repeats: blocks saving until the clerk links them or gives a reason (audited)', async () => {
    const app = await clerkApp();
    const first = await app.ok('cases:create', aCase());
    const repeats = await app.ok('cases:checkRepeats', {
      township: '城关镇',
      parties: [{ name: '马玉兰', idNumber: '640221198503150026' }],
    });
    expect(repeats).toHaveLength(1);
    expect(repeats[0]).toMatchObject({ caseNumber: first.caseNumber, reasons: ['同一身份证号码：马玉兰'] });
    const sameName = await app.ok('cases:checkRepeats', {
      township: '姚伏镇',
      parties: [{ name: '马玉兰' }],
    });
    expect(sameName[0]?.reasons).toEqual(['姚伏镇同名当事人：马玉兰']);
    expect(await app.ok('cases:checkRepeats', { township: '城关镇', parties: [{ name: '马玉兰' }] })).toEqual(
      [],
    );

    const blocked = await app.call('cases:create', aCase());
    expect(blocked).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: ['repeatReason'] }] },
    });
    const linked = await app.ok('cases:create', aCase({ relatedCaseIds: [first.id] }));
    expect(linked.related.map((r) => r.caseNumber)).toEqual([first.caseNumber]);
    const reasoned = await app.ok('cases:create', aCase({ repeatReason: '同一当事人的另一笔货款纠纷' }));
    expect(reasoned.repeatReason).toBe('同一当事人的另一笔货款纠纷');
    expect((await app.ok('cases:get', { id: first.id })).related).toHaveLength(1);
  });

  it('records a 不予受理 with its reason and what the person was told, not as a case', async () => {
    const app = await clerkApp();
    const refusal = await app.ok('intake:refuse', aRefusal());
    expect(refusal).toMatchObject({
      applicantName: '赵四',
      disputeTypeName: '邻里',
      reason: 'party_refused',
    });
    expect((await app.ok('intake:listRefusals', {})).total).toBe(1);
    expect((await app.ok('cases:list', {})).total).toBe(0);
  });

  it('lists the clerks for the 登记人 filter', async () => {
    const app = await clerkApp();
    expect(await app.ok('cases:clerks', {})).toEqual([{ id: app.session.actor!.userId, name: '测试clerk' }]);
  });

  it('voids a number, keeps it in the ledger and never reuses it', async () => {
    const app = await clerkApp();
    const first = await app.ok('cases:create', aCase());
    const voided = await app.ok('cases:void', { id: first.id, reason: '重复登记，误操作' });
    expect(voided).toMatchObject({ status: 'voided', voidReason: '重复登记，误操作' });
    const next = await app.ok('cases:create', aCase());
    expect(next.caseNumber).toBe('（2026）平调字第0002号');
    const ledger = app.session.repos().caseNumbers.ledger(first.committeeId, 2026);
    expect(ledger).toEqual([
      { caseNumber: '（2026）平调字第0001号', seq: 1, state: 'voided', voidReason: '重复登记，误操作' },
      { caseNumber: '（2026）平调字第0002号', seq: 2, state: 'issued', voidReason: null },
    ]);
  });

  it("keeps an agent's ID number on edit when the screen sends the agent back without it", async () => {
    const app = await clerkApp();
    const agent = {
      name: '马建军',
      relation: '儿子',
      authority: 'general' as const,
      idNumber: '440524188001010014',
    };
    const created = await app.ok('cases:create', aCase({ parties: [aPerson({ agent }), anOrganisation()] }));
    const base = aCase();
    await app.ok('cases:update', {
      id: created.id,
      version: created.version,
      disputeType: base.disputeType,
      source: base.source,
      township: base.township,
      receivedOn: base.receivedOn,
      summary: base.summary,
      requests: base.requests,
      riskLevel: 'normal',
      riskFlags: [],
      parties: [
        {
          ...aPerson({ agent: { ...agent, idNumber: undefined } }),
          casePartyId: created.parties[0]!.casePartyId,
        },
        { ...anOrganisation(), casePartyId: created.parties[1]!.casePartyId },
      ],
    });
    const revealed = await app.ok('cases:revealIdNumber', {
      caseId: created.id,
      casePartyId: created.parties[0]!.casePartyId,
      agent: true,
    });
    expect(revealed.idNumber).toBe('440524188001010014');
  });

  it('keeps a visible history of edits', async () => {
    const app = await clerkApp();
    const created = await app.ok('cases:create', aCase());
    const base = aCase();
    const updated = await app.ok('cases:update', {
      id: created.id,
      version: created.version,
      disputeType: 'production',
      source: base.source,
      township: base.township,
      village: base.village,
      receivedOn: base.receivedOn,
      summary: base.summary,
      requests: base.requests,
      amountFen: '9万',
      riskLevel: 'elevated',
      riskFlags: ['criminal'],
      parties: created.parties.map((p, i) => ({ ...base.parties[i]!, casePartyId: p.casePartyId })),
      reason: '核实金额',
    });
    expect(updated.history.map((h) => h.action)).toEqual(['受理登记', '修改登记信息']);
    expect(updated.history[1]).toMatchObject({ note: '核实金额', actorName: '测试clerk' });
    expect(updated.history[1]!.changes).toEqual(
      expect.arrayContaining([
        { field: '纠纷类型', before: '合同', after: '生产经营' },
        { field: '涉及金额', before: '86,300.00元', after: '90,000.00元' },
        { field: '风险等级', before: '一般', after: '较大' },
        { field: '风险标记', before: '（无）', after: '可能民转刑' },
      ]),
    );
    const stale = await app.call('cases:update', {
      ...({} as object),
      id: created.id,
      version: created.version,
      disputeType: 'contract',
      source: base.source,
      township: base.township,
      receivedOn: base.receivedOn,
      summary: base.summary,
      requests: base.requests,
      riskLevel: 'normal',
      riskFlags: [],
      parties: base.parties,
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('records what changed about each party: field, before and after, ID numbers masked', async () => {
    const app = await clerkApp();
    const created = await app.ok('cases:create', aCase());
    const base = aCase();
    const [applicant, company] = base.parties as [
      Extract<(typeof base.parties)[number], { kind: 'person' }>,
      Extract<(typeof base.parties)[number], { kind: 'organisation' }>,
    ];
    const updated = await app.ok('cases:update', {
      id: created.id,
      version: created.version,
      disputeType: base.disputeType,
      source: base.source,
      township: base.township,
      village: base.village,
      receivedOn: base.receivedOn,
      summary: base.summary,
      requests: base.requests,
      amountFen: base.amountFen,
      riskLevel: 'normal',
      riskFlags: [],
      parties: [
        {
          ...applicant,
          casePartyId: created.parties[0]!.casePartyId,
          phone: '13995201111',
          idNumber: '11010519491231002X',
        },
        {
          ...company,
          casePartyId: created.parties[1]!.casePartyId,
          representative: '李建设',
          representativeTitle: undefined,
        },
        { kind: 'person', role: 'third_party', name: '张伟', idType: 'resident_id' },
      ],
    });
    const changes = updated.history.at(-1)!.changes;
    expect(changes).toEqual(
      expect.arrayContaining([
        { field: '当事人“马玉兰” › 联系电话', before: '13909521234', after: '13995201111' },
        { field: '当事人“马玉兰” › 证件号码', before: '640221********0026', after: '110105********002X' },
        { field: '当事人“马玉兰” › 出生日期', before: '1985-03-15', after: '1949-12-31' },
        {
          field: '当事人“平罗县塞上农业科技有限公司” › 法定代表人（负责人）',
          before: '王建军',
          after: '李建设',
        },
        { field: '当事人“张伟”', before: '（无）', after: '新增为第三人' },
      ]),
    );
    // An empty field keeps what is on record, so it is no change.
    expect(changes.find((c) => c.field.endsWith('职务'))).toBeUndefined();
    expect(JSON.stringify(updated.history)).not.toMatch(/640221198503150026|11010519491231002X/);
  });
});
