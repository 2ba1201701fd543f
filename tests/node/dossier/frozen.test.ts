import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { channelNames, channels, type ChannelName } from '../../../main/contract';
import { caseOfInput, FROZEN_MESSAGE, openOnArchived } from '../../../main/core/dossier/frozen';
import { addUser, switchUser } from '../../helpers/app';
import { closedWrittenCase, dossierWorld } from './world';

// 归档 freezes the case: every mutating channel that takes a case id answers CONFLICT for an
// archived case, walked like the role × channel test walks channels — a channel added later is
// covered or this test names it. Re-opening needs the 档案员 role and a reason, and is audited.

function takesCase(name: ChannelName): boolean {
  const input = channels[name].input;
  const shape = input instanceof z.ZodObject ? (input.shape as Record<string, unknown>) : {};
  return 'caseId' in shape || name in caseOfInput;
}

describe('an archived case is frozen', () => {
  it('answers CONFLICT to every mutation that names it, and still serves the audited reads', async () => {
    const w = await dossierWorld();
    await w.as('mediator');
    const caseId = await closedWrittenCase(w);
    const generated = await w.app.ok('documents:generate', { caseId, kind: 'intake-register' });
    await w.asArchivist();
    await w.app.ok('dossiers:file', { caseId, retention: '永久' });
    await w.app.ok('dossiers:archive', { caseId, missingReason: '身份证明等材料由县局另行保管' });

    // One account holding every role, so no call stops at FORBIDDEN before the freeze is tested.
    await w.as('admin');
    const all = await addUser(w.app, 'everyone', [
      'admin',
      'intake',
      'dispatcher',
      'mediator',
      'archivist',
      'leader',
    ]);
    await switchUser(w.app, all.username, all.password);

    const mutations = channelNames.filter((n) => channels[n].kind === 'mutation' && takesCase(n));
    expect(mutations.length).toBeGreaterThan(20);
    // Written out by hand: deciding that a new channel may touch an archived case is a change here.
    expect([...openOnArchived].sort()).toEqual(
      [
        'cases:revealIdNumber',
        'documents:export',
        'dossiers:pdf',
        'dossiers:reopen',
        'dossiers:review',
        // ── screening & subsidy (issue 15): grading for 以案定补 is done on archived cases ──
        'subsidy:setGrade',
      ].sort(),
    );
    const historyBefore = (await w.app.ok('cases:get', { id: caseId })).version;
    let refused = 0;
    for (const name of mutations) {
      if (openOnArchived.has(name)) continue;
      const input =
        name === 'cases:update' || name === 'cases:void'
          ? { id: caseId }
          : name === 'documents:attachScan'
            ? { versionId: generated.id }
            : { caseId };
      const result = await w.app.dispatch(name, input);
      expect(result, name).toEqual({ ok: false, error: { code: 'CONFLICT', message: FROZEN_MESSAGE } });
      refused += 1;
    }
    expect(refused).toBe(mutations.filter((n) => !openOnArchived.has(n)).length);
    expect((await w.app.ok('cases:get', { id: caseId })).version).toBe(historyBefore);
    // The refusals are on record.
    const audit = await w.app.ok('audit:list', { page: 1, pageSize: 100, action: 'workflow:addRecord' });
    expect(audit.items.find((e) => e.outcome === 'error')?.detail).toBe(FROZEN_MESSAGE);
    // Reading stays open.
    expect((await w.app.ok('dossiers:pdf', { caseId })).pageCount).toBeGreaterThan(10);
  });

  it('re-opens only for an archivist with a reason, audited; re-archiving makes revision 2', async () => {
    const w = await dossierWorld();
    await w.as('mediator');
    const caseId = await closedWrittenCase(w);
    await w.app.ok('dossiers:file', { caseId, retention: '长期' });
    // A mediator may file, not archive or re-open.
    expect(await w.app.call('dossiers:archive', { caseId })).toMatchObject({ error: { code: 'FORBIDDEN' } });
    await w.asArchivist();
    const first = await w.app.ok('dossiers:archive', {
      caseId,
      missingReason: '材料由县局另行保管，先行归档',
    });
    expect(first.caseStatus).toBe('archived');
    await w.as('mediator');
    expect(await w.app.call('dossiers:reopen', { caseId, reason: '补入当事人身份证明复印件' })).toMatchObject(
      {
        error: { code: 'FORBIDDEN' },
      },
    );
    await w.asArchivist();
    expect(await w.app.call('dossiers:reopen', { caseId, reason: '补' })).toMatchObject({
      error: { code: 'VALIDATION', message: '重新打开的理由：重新打开的理由至少10个字' },
    });
    const reopened = await w.app.ok('dossiers:reopen', {
      caseId,
      reason: '补入当事人身份证明复印件，县局复核发现缺页',
    });
    expect(reopened).toMatchObject({ caseStatus: 'closed', dossier: { state: 'open', revision: 1 } });
    expect(reopened.archives[0]).toMatchObject({
      revision: 1,
      reopenedByName: '测试danganyuan',
      reopenReason: '补入当事人身份证明复印件，县局复核发现缺页',
    });
    const again = await w.app.ok('dossiers:archive', {
      caseId,
      missingReason: '材料由县局另行保管，先行归档',
    });
    expect(again.archives.map((a) => a.revision)).toEqual([1, 2]);
    expect(again.dossier).toMatchObject({ state: 'archived', revision: 2 });
    // Both revisions' PDFs are kept.
    expect((await w.app.ok('dossiers:pdf', { caseId, revision: 1 })).fileName).toMatch(/第1版\.pdf$/);
    expect((await w.app.ok('dossiers:pdf', { caseId, revision: 2 })).fileName).toMatch(/第2版\.pdf$/);
    await w.as('admin');
    const audit = await w.app.ok('audit:list', { page: 1, pageSize: 20, action: 'dossiers:reopen' });
    expect(audit.items.filter((e) => e.outcome === 'ok').map((e) => e.detail)).toEqual([
      expect.stringMatching(/重新打开第1版；理由：补入当事人身份证明复印件，县局复核发现缺页$/),
    ]);
  });
});
