import { describe, expect, it } from 'vitest';
import { exportPackage, PASSWORD } from './exporting';
import { provinceWorld, type ProvinceWorld } from './world';

const protection = { mode: 'password', password: PASSWORD } as const;

async function batchRecords(w: ProvinceWorld, batchNo: number) {
  return w.sql().all<{ infoSet: string; recordId: string }>(
    `SELECT r.info_set AS infoSet, r.record_id AS recordId FROM province_batch_records r
         JOIN province_batches b ON b.id = r.batch_id WHERE b.batch_no = ? ORDER BY 1, 2`,
    batchNo,
  );
}

function edit(w: ProvinceWorld, caseId: string, summary: string) {
  w.sql().run(`UPDATE cases SET summary = ?, version = version + 1 WHERE id = ?`, summary, caseId);
}

describe('incremental batches with receipts', () => {
  it('carry exactly what changed since the last acknowledged batch; a missing receipt resends the same batch', async () => {
    const w = await provinceWorld(8);
    const [a, b, c] = w.cases.map((x) => x.id);

    const one = await exportPackage(w.app, { mappingId: 'default', protection });
    expect(one.job).toMatchObject({ batchNo: 1, state: 'finished' });
    expect((await batchRecords(w, 1)).filter((r) => r.infoSet === 'cases')).toHaveLength(8);
    await w.app.ok('province:acknowledge', { batchNo: 1, on: '2026-11-30', note: '电话确认已接收' });
    expect(await w.app.ok('province:validate', {})).toMatchObject({
      ready: { cases: 0, organisations: 0 },
      pendingBatchNo: null,
    });

    edit(w, a!, '修改后的纠纷简要情况：双方对赔偿数额仍有分歧。');
    edit(w, b!, '修改后的纠纷简要情况：院墙已经修复，待验收。');
    expect((await w.app.ok('province:validate', {})).ready).toEqual({
      organisations: 0,
      mediators: 0,
      screenings: 0,
      cases: 2,
    });
    const two = await exportPackage(w.app, { mappingId: 'default', protection });
    expect(two.job).toMatchObject({ batchNo: 2, resent: false });
    expect(await batchRecords(w, 2)).toEqual([a, b].sort().map((id) => ({ infoSet: 'cases', recordId: id })));

    // No receipt for batch 2, and another case changes meanwhile: exporting resends batch 2 as it was.
    edit(w, c!, '修改后的纠纷简要情况：第三起纠纷有新进展。');
    const twoAgain = await exportPackage(w.app, { mappingId: 'default', protection });
    expect(twoAgain.job).toMatchObject({ batchNo: 2, resent: true });
    expect(twoAgain.bytes!.equals(two.bytes!)).toBe(true);

    // The province's receipt moves the watermark; batch 3 carries only what changed after batch 2.
    const manifestSha256 = w
      .sql()
      .get<{ m: string }>(`SELECT manifest_sha256 AS m FROM province_batches WHERE batch_no = 2`)!.m;
    const batch2Id = w.sql().get<{ id: string }>(`SELECT id FROM province_batches WHERE batch_no = 2`)!.id;
    const wrong = await w.app.call('province:receipt', {
      receipt: JSON.stringify({
        format: 'pingluo-mediation-desk/province-receipt',
        batch: { id: batch2Id, number: 2 },
        manifestSha256: '0'.repeat(64),
        receivedOn: '2026-11-30',
      }),
    });
    expect(!wrong.ok && wrong.error.message).toContain('回执对应的数据包与本机最后导出的第2批不一致');
    const acknowledged = await w.app.ok('province:receipt', {
      receipt: JSON.stringify({
        format: 'pingluo-mediation-desk/province-receipt',
        batch: { id: batch2Id, number: 2 },
        manifestSha256,
        receivedOn: '2026-11-30',
      }),
    });
    expect(acknowledged).toMatchObject({
      batchNo: 2,
      state: 'acknowledged',
      acknowledgement: 'receipt',
      acknowledgedOn: '2026-11-30',
    });
    const three = await exportPackage(w.app, { mappingId: 'default', protection });
    expect(three.job).toMatchObject({ batchNo: 3, resent: false });
    expect(await batchRecords(w, 3)).toEqual([{ infoSet: 'cases', recordId: c }]);

    const overview = await w.app.ok('province:overview', {});
    expect(overview.history.map((h) => [h.batchNo, h.state, h.counts.cases, h.acknowledgement])).toEqual([
      [3, 'pending', 1, null],
      [2, 'acknowledged', 2, 'receipt'],
      [1, 'acknowledged', 8, 'manual'],
    ]);
    expect(overview.pending?.batchNo).toBe(3);
    const twice = await w.app.call('province:acknowledge', { batchNo: 2, on: '2026-11-30' });
    expect(!twice.ok && twice.error.message).toContain('第2批已于2026-11-30登记为已报送');
  });

  it('hold back invalid records with their problems and a link to fix them, and send the rest', async () => {
    const w = await provinceWorld(10);
    const oral = w.cases.find((c) => c.outcome === 'oral')!;
    w.sql().run(`UPDATE agreements SET deleted_at = '2026-11-30T00:00:00.000Z' WHERE case_id = ?`, oral.id);
    const validation = await w.app.ok('province:validate', {});
    expect(validation.held.cases).toBe(1);
    expect(validation.ready.cases).toBe(9);
    expect(validation.heldRecords).toEqual([
      {
        infoSet: 'cases',
        recordId: oral.id,
        label: expect.stringMatching(/调字第/) as string,
        link: `/cases/${oral.id}`,
        problems: [
          { field: '调解协议', message: '调解成功的案件没有调解协议：请在“办理进程”中录入调解协议' },
        ],
      },
    ]);
    const sent = await exportPackage(w.app, { mappingId: 'default', protection });
    expect(sent.job).toMatchObject({ heldBack: 1, state: 'finished' });
    const ids = (await batchRecords(w, 1)).filter((r) => r.infoSet === 'cases').map((r) => r.recordId);
    expect(ids).toHaveLength(9);
    expect(ids).not.toContain(oral.id);
  });

  it('say so when there is nothing new to send', async () => {
    const w = await provinceWorld(5);
    await exportPackage(w.app, { mappingId: 'default', protection });
    await w.app.ok('province:acknowledge', { batchNo: 1, on: '2026-11-30' });
    const nothing = await exportPackage(w.app, { mappingId: 'default', protection });
    expect(nothing.job).toMatchObject({
      state: 'failed',
      message: '没有需要报送的新记录：所有记录都已报送且未再修改',
    });
    expect(w.sql().get(`SELECT count(*) AS n FROM province_batches`)).toEqual({ n: 1 });
  });
});
