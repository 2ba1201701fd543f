import { describe, expect, it } from 'vitest';
import {
  channelNames,
  channels,
  mayAccess,
  parseIdRef,
  uuidPaths,
  type ChannelName,
  type ChannelSpec,
  type Result,
} from '../../../main/contract';
import { READ_ONLY, valuesAt } from '../../../main/core/scope';
import { endsAssignment, lastInOrder, samples, type Caller } from './samples';
import { caseRoles, scopeWorld, type CaseRole, type Side, type Target } from './world';

// The scope matrix (issue 9), like the role × channel test: every channel that takes a case,
// party, document, scan, attachment or record id, called as a user in scope, as a user of the
// same role out of scope, and as the sender after the case was transferred away.

const idsOf = (name: ChannelName) => (channels[name] as ChannelSpec).ids ?? {};
const scopedRefs = (name: ChannelName) =>
  Object.entries(idsOf(name)).flatMap(([path, ref]) => {
    const scoped = parseIdRef(ref);
    return scoped ? [{ path, ...scoped }] : [];
  });
const scopedChannels = channelNames.filter((n) => scopedRefs(n).length > 0);
const writes = (name: ChannelName) => scopedRefs(name).some((r) => r.access !== 'read');

/** Every path of an input schema whose field is named `id`, `…Id` or `…Ids`, arrays unmarked. */
function idNamedPaths(schema: unknown): string[] {
  const out = new Set<string>();
  const walk = (s: unknown, path: string) => {
    const def = (s as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
    const inner = (key: string) => def[key];
    switch (def.type) {
      case 'object':
        for (const [key, value] of Object.entries(def.shape as Record<string, unknown>)) {
          const at = path ? `${path}.${key}` : key;
          if (key === 'id' || /Ids?$/.test(key)) out.add(at);
          walk(value, at);
        }
        break;
      case 'array':
        walk(inner('element'), path);
        break;
      case 'record':
        walk(inner('valueType'), path);
        break;
      case 'pipe':
        walk(inner('in'), path);
        walk(inner('out'), path);
        break;
      case 'union':
        for (const option of def.options as unknown[]) walk(option, path);
        break;
      case 'intersection':
        walk(inner('left'), path);
        walk(inner('right'), path);
        break;
      default:
        if (def.innerType) walk(def.innerType, path);
    }
  };
  walk(schema, '');
  return [...out];
}

describe('every id a channel takes is declared', () => {
  it('declares exactly the UUID fields of its input, each as what it refers to', () => {
    for (const name of channelNames) {
      expect(Object.keys(idsOf(name)).sort(), `${name}: its input's id fields and its ids`).toEqual(
        uuidPaths(channels[name].input),
      );
    }
  });

  it('declares every field named as an id, whatever its type (a case id typed as plain text too)', () => {
    /** Not an entity of the database: the 省级报送 mapping is a file name ('default' or the province's). */
    const notEntities = new Set(['province:export mappingId']);
    for (const name of channelNames) {
      const declared = new Set(Object.keys(idsOf(name)).map((p) => p.replace(/\[\]/g, '')));
      for (const path of idNamedPaths(channels[name].input))
        if (!notEntities.has(`${name} ${path}`))
          expect(declared.has(path), `${name}: ${path} is named as an id but not declared`).toBe(true);
    }
  });

  it('declares each id as what its name says it refers to', () => {
    // A case id declared as something else (an organisation, say) would pass the check above and
    // then skip the scope check altogether. What a field refers to, by its name:
    const byName: [RegExp, string[]][] = [
      [/^casePartyId$/, ['caseParty']],
      [/^applicantPartyIds$/, ['caseParty', 'party']],
      [/^partyIds?$/, ['party']],
      [/^(c|relatedC|excludeC)aseIds?$/, ['case']],
      [/^versionId$/, ['document']],
      [/^scanId$/, ['scan']],
      [/^attachmentId$/, ['attachment']],
      [/^recordId$/, ['record']],
      [/^(committeeId|organisationIds?|parentId|officeId)$/, ['committee:intake', 'organisation']],
      [/^(lead)?[mM]ediatorIds?$/, ['mediator']],
      [/^(userId|receivedBy)$/, ['user']],
      [/^villageId$/, ['village']],
      [/^refusalId$/, ['refusal']],
      [/^jobId$/, ['job']],
      [/^conflictId$/, ['conflict']],
    ];
    // A bare `id` is what its channel is about: each such channel is named here.
    const plainId: Partial<Record<ChannelName, string>> = {
      'workflow:getAttachment': 'attachment',
      'cases:get': 'case',
      'cases:update': 'case',
      'cases:void': 'case',
      'mediators:revealIdNumber': 'mediator',
      'mediators:save': 'mediator',
      'orgs:save': 'organisation',
      'intake:refusalNotice': 'refusal',
      'users:disable': 'user',
      'users:resetPassword': 'user',
      'users:unlock': 'user',
      'users:update': 'user',
      'catalog:saveVillage': 'village',
    };
    for (const name of channelNames) {
      for (const [path, ref] of Object.entries(idsOf(name))) {
        // `office.id` names an office, as `officeId` would.
        const parts = path.replace(/\[\]/g, '').split('.');
        const field = parts.length > 1 && parts.at(-1) === 'id' ? `${parts.at(-2)}Id` : parts.at(-1)!;
        const kind = ref.split(':')[0] === 'committee' ? ref : ref.split(':')[0]!;
        const expected =
          field === 'id'
            ? [plainId[name] ?? '(name it in plainId)']
            : byName.find(([re]) => re.test(field))?.[1];
        expect(expected, `${name}: what does ${path} refer to? Add its name to this test`).toBeDefined();
        expect(expected, `${name}: ${path} is declared ${ref}`).toContain(kind);
      }
    }
  });

  it('has a sample for every channel that takes a case-scoped id, naming each such id', () => {
    expect(scopedChannels.length).toBeGreaterThan(30);
    const t: Target = {
      caseId: 'c',
      version: 1,
      casePartyId: 'cp',
      partyId: 'p',
      recordId: 'r',
      attachmentId: 'a',
      documentId: 'd',
      scanId: 's',
    };
    for (const name of scopedChannels) {
      const sample = samples[name] as ((t: Target, c: Caller) => unknown) | undefined;
      expect(sample, `add a sample for ${name} to tests/node/scope/samples.ts`).toBeDefined();
      const input = sample!(t, { committee: 'x', mediator: 'm' });
      for (const ref of scopedRefs(name)) {
        expect(
          valuesAt(input, ref.path).length,
          `${name}: the sample leaves ${ref.path} out`,
        ).toBeGreaterThan(0);
      }
    }
  });
});

describe('the scope matrix', () => {
  it('answers in scope: ok; out of scope: NOT_FOUND; the sender after transfer: reads, never writes', async () => {
    const w = await scopeWorld();
    const { app } = w;
    const caller = (side: Side): Caller => ({ committee: w.committee[side], mediator: w.mediator[side] });
    const call = (name: ChannelName, target: Target, side: Side) =>
      app.dispatch(name, (samples[name] as (t: Target, c: Caller) => unknown)(target, caller(side)));
    /** Through the scope check: ok, or refused by a business rule (not NOT_FOUND, not FORBIDDEN). */
    const passed = (label: string, result: Result<unknown>) =>
      expect(
        result.ok || !['NOT_FOUND', 'FORBIDDEN'].includes(result.error.code),
        `${label}: ${JSON.stringify(result).slice(0, 300)}`,
      ).toBe(true);
    const rolesFor = (name: ChannelName) => caseRoles.filter((r) => mayAccess(channels[name].access, [r]));
    const untouched = () => {
      const repos = app.session.repos();
      return [w.own, w.sent].map((t) => ({
        version: repos.cases.byId(t.caseId)!.version,
        history: repos.caseHistory.forCase(t.caseId).length,
        versions: repos.documents.versions(t.caseId).length,
        attachments: repos.workflow.attachments(t.caseId).length,
      }));
    };
    const before = untouched();
    let calls = 0;
    const byRole = async (run: (role: CaseRole) => Promise<void>) => {
      for (const role of caseRoles) await run(role);
    };

    // Out of scope: side B sees none of side A's case, whatever it names, and changes nothing.
    await byRole(async (role) => {
      await w.as('B', role);
      for (const name of scopedChannels.filter((n) => rolesFor(n).includes(role))) {
        const result = await call(name, w.own, 'B');
        expect(result, `${role} of 姚伏镇 → ${name}`).toMatchObject({
          ok: false,
          error: { code: 'NOT_FOUND' },
        });
        expect(JSON.stringify(result), name).toMatch(/未找到该(案件|当事人|文书|扫描件|材料|记录)/);
        calls++;
      }
    });

    // The sender: side A after transferring `sent` to 姚伏镇 reads it, and may no longer change it.
    await byRole(async (role) => {
      await w.as('A', role);
      for (const name of scopedChannels.filter((n) => rolesFor(n).includes(role))) {
        const result = await call(name, w.sent, 'A');
        if (writes(name))
          expect(result, `sender ${role} → ${name}`).toMatchObject({
            ok: false,
            error: { code: 'FORBIDDEN' },
          });
        else passed(`sender ${role} → ${name}`, result);
        calls++;
      }
    });
    expect(untouched()).toEqual(before);

    // In scope: side A's own case passes the scope check for every role that may call the channel
    // (a business rule may still refuse the step, e.g. CONFLICT for the case's status).
    const order = [
      ...scopedChannels.filter((n) => !lastInOrder.includes(n)),
      ...lastInOrder.filter((n) => scopedChannels.includes(n)),
    ];
    for (const name of order) {
      for (const role of rolesFor(name)) {
        const target = endsAssignment.includes(name) ? await w.mediated() : w.own;
        await w.as('A', role);
        const result = await call(name, target, 'A');
        passed(`${role} of the county → ${name}`, result);
        calls++;
      }
    }
    expect(calls).toBeGreaterThan(3 * scopedChannels.length);
  }, 120_000);

  it('tells the sender why it may only read', async () => {
    const w = await scopeWorld();
    await w.as('A', 'mediator');
    expect(
      await w.app.call('workflow:addRecord', {
        ...samples['workflow:addRecord']!(w.sent, { committee: '', mediator: '' }),
      }),
    ).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: READ_ONLY },
    });
    const view = await w.app.ok('workflow:get', { caseId: w.sent.caseId });
    expect(view).toMatchObject({ writable: false, actions: [] });
    expect(await w.app.ok('cases:get', { id: w.sent.caseId })).toMatchObject({ writable: false });
    expect(await w.app.ok('documents:list', { caseId: w.sent.caseId })).toMatchObject({ writable: false });
    // Its 档案员 reads the case and may no longer file it: the dossier is 姚伏镇's to keep now.
    await w.as('A', 'archivist');
    expect(await w.app.call('dossiers:file', { caseId: w.sent.caseId, retention: '长期' })).toEqual({
      ok: false,
      error: {
        code: 'FORBIDDEN',
        message: '该案件已不由您所在的组织承办，只能查看：卷宗、评查和补贴定级由承办调委会（及其上级）办理',
      },
    });
    // Its page says so instead of offering 立卷.
    expect((await w.app.ok('dossiers:get', { caseId: w.sent.caseId })).keptElsewhere).toBe(
      '该案件已不由您所在的组织承办，只能查看：卷宗、评查和补贴定级由承办调委会（及其上级）办理',
    );
    // 姚伏镇 now holds it: its mediator may answer and, once accepted, work it.
    await w.as('B', 'mediator');
    expect((await w.app.ok('workflow:get', { caseId: w.sent.caseId })).actions).toEqual(
      expect.arrayContaining(['accept', 'return']),
    );
    const accepted = await w.app.ok('workflow:respond', { caseId: w.sent.caseId, accept: true });
    expect(accepted).toMatchObject({ status: 'mediating', writable: true });
    // And its 档案员 keeps the file.
    await w.as('B', 'archivist');
    expect((await w.app.ok('dossiers:get', { caseId: w.sent.caseId })).keptElsewhere).toBeNull();
  }, 60_000);
});
