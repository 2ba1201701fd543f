import { describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../main/contract';
import { addUser, switchUser } from '../../helpers/app';
import { ORGS } from '../../helpers/workflow';
import { exportPackage, PASSWORD } from './exporting';
import { provinceWorld } from './world';

const protection = { mode: 'password', password: PASSWORD } as const;

describe('the export job', () => {
  it('reports progress on the shared progress bar and is audited', async () => {
    const w = await provinceWorld(6);
    const events: EventPayload<'job:progress'>[] = [];
    w.app.session.onEvent((name, payload) => {
      if (name === 'job:progress') events.push(payload as EventPayload<'job:progress'>);
    });
    const sent = await exportPackage(w.app, { mappingId: 'default', protection });
    expect(events.every((e) => e.label === '导出省级报送数据包' && e.jobId === sent.job.jobId)).toBe(true);
    expect(events.at(-1)).toMatchObject({ state: 'finished', done: sent.job.total, total: sent.job.total });
    expect(events.some((e) => e.state === 'running' && e.current?.startsWith('写入'))).toBe(true);
    const audit = w
      .sql()
      .all<{ action: string; detail: string }>(
        `SELECT action, detail FROM audit_log WHERE action = 'province:export' ORDER BY seq`,
      );
    expect(audit.map((a) => a.detail)).toEqual([
      '生成新批次；格式：默认格式；密码加密',
      `省级报送导出完成：第1批，${sent.job.total}条记录`,
    ]);
  });

  it('stops on 取消 and leaves no half-made batch behind', async () => {
    const w = await provinceWorld(6);
    const started = await w.app.ok('province:export', { mappingId: 'default', protection });
    const second = await w.app.call('province:export', { mappingId: 'default', protection });
    expect(second).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(!second.ok && second.error.message).toBe('已有一个省级报送导出正在进行，请等它完成或取消后再导出');
    await w.app.ok('province:cancelExport', { jobId: started.jobId });
    let job = started;
    while (job.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 10));
      job = await w.app.ok('province:exportStatus', { jobId: job.jobId });
    }
    expect(job).toMatchObject({ state: 'cancelled', message: '已取消，未生成数据包' });
    expect(w.sql().get(`SELECT count(*) AS n FROM province_batches`)).toEqual({ n: 0 });
    const download = await w.app.call('province:download', { jobId: job.jobId });
    expect(!download.ok && download.error.message).toBe('该导出任务没有可下载的数据包');
    // The next export starts afresh with batch 1.
    expect((await exportPackage(w.app, { mappingId: 'default', protection })).job.batchNo).toBe(1);
  });

  it("exports only what the 档案员's committee scope sees", async () => {
    const w = await provinceWorld(9);
    await w.as('admin');
    await addUser(w.app, 'yaofuda', ['archivist'], 'Archive2026ok', { organisationIds: [ORGS.yaofu] });
    await switchUser(w.app, 'yaofuda', 'Archive2026ok');
    await exportPackage(w.app, { mappingId: 'default', protection });
    const ids = w
      .sql()
      .all<{ id: string }>(`SELECT record_id AS id FROM province_batch_records WHERE info_set = 'cases'`)
      .map((r) => r.id)
      .sort();
    const yaofu = w.cases
      .filter((c) => c.committeeId === ORGS.yaofu || c.handlingId === ORGS.yaofu)
      .map((c) => c.id);
    expect(ids).toEqual(yaofu.sort());
    const orgs = w
      .sql()
      .all<{ id: string }>(
        `SELECT record_id AS id FROM province_batch_records WHERE info_set = 'organisations'`,
      )
      .map((r) => r.id);
    expect(orgs).toContain(ORGS.yaofu);
    expect(orgs).not.toContain(ORGS.county);
    expect(orgs).not.toContain(ORGS.medical);
  });
});
