import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../main/contract';
import type { ExchangeLine } from '../../../main/contract/exchange/records';
import { writeExchangePackage } from '../../../main/core/exchange/packageWriter';
import type { TestApp } from '../../helpers/app';
import { CHENGGUAN_ID, COUNTY_ID, setUpOffice, trustEachOther } from '../../helpers/exchange';
import { header } from '../../helpers/exchangeCraft';
import { tempDir } from '../../helpers/tempDir';

// 导入数据包's progress bar (issue 14):校验 and 导入 report their stage and the records done out
// of the package's count as 'job:progress' events under the id the screen gave the call.

type Progress = EventPayload<'job:progress'>;

function listen(app: TestApp): Progress[] {
  const events: Progress[] = [];
  app.session.onEvent((name, payload) => {
    if (name === 'job:progress') events.push(payload as Progress);
  });
  return events;
}

/** The stages in the order they were reported (each once). */
const stages = (events: Progress[]) =>
  events.map((e) => e.current).filter((c, i, all) => i === 0 || all[i - 1] !== c);

const donesOf = (events: Progress[], stage: string) =>
  events.filter((e) => e.current === stage && e.state === 'running').map((e) => [e.done, e.total]);

/** A package of `n` new villages of 城关镇, really signed by the township, in pages of 1,000. */
async function villagesPackage(county: TestApp, town: TestApp, n: number, prefix: string): Promise<string> {
  const saved = await town.ok('catalog:saveVillage', {
    township: '城关镇',
    name: `${prefix}样板村`,
    active: true,
  });
  const sample = town.session.repos().exchangeVillages.village(saved.id)!;
  const lines: ExchangeLine[] = Array.from({ length: n }, (_, i) => ({
    t: 'villages',
    r: { ...sample, id: randomUUID(), name: `${prefix}${i + 1}村`, code: null },
  }));
  const outPath = join(tempDir(), 'villages.zip');
  await writeExchangePackage({
    header: header({ county, town }),
    keys: town.session.installationKeys(),
    pages: (async function* () {
      for (let i = 0; i < lines.length; i += 1000) yield lines.slice(i, i + 1000);
    })(),
    outPath,
  });
  return outPath;
}

describe('导入数据包 with a progress bar', () => {
  it('reports verify, the records page by page, the cases, and the end, for 校验 and for 导入', async () => {
    const county = await setUpOffice(COUNTY_ID);
    const town = await setUpOffice(CHENGGUAN_ID);
    await trustEachOther(county, town);
    const path = await villagesPackage(county, town, 2500, '测试');
    const events = listen(county);

    const previewId = randomUUID();
    const preview = await county.ok('exchange:preview', { path, jobId: previewId });
    expect(preview.records).toBe(2500);
    expect(preview.counts.villages.new).toBe(2500);
    const checked = events.filter((e) => e.jobId === previewId);
    expect(checked.every((e) => e.label === '校验数据包')).toBe(true);
    expect(stages(checked)).toEqual([
      '校验签名与清单',
      '核对记录（预览，不写入）',
      '更新案件的范围与检索信息',
    ]);
    expect(donesOf(checked, '核对记录（预览，不写入）')).toEqual([
      [0, 2500],
      [1000, 2500],
      [2000, 2500],
      [2500, 2500],
    ]);
    expect(checked.map((e) => e.state)).toEqual([...checked.slice(1).map(() => 'running'), 'finished']);
    // The preview wrote nothing.
    expect((await county.ok('catalog:get', {})).villages.filter((v) => v.name.startsWith('测试'))).toEqual(
      [],
    );

    const importId = randomUUID();
    const imported = await county.ok('exchange:import', { path, jobId: importId });
    expect(imported.records).toBe(2500);
    const applied = events.filter((e) => e.jobId === importId);
    expect(applied.every((e) => e.label === '导入数据包')).toBe(true);
    expect(stages(applied)).toEqual(['校验签名与清单', '写入记录', '更新案件的范围与检索信息']);
    expect(donesOf(applied, '写入记录')).toEqual([
      [0, 2500],
      [1000, 2500],
      [2000, 2500],
      [2500, 2500],
    ]);
    expect(applied.at(-1)).toMatchObject({ state: 'finished', done: 0, total: 0 });
    expect(
      (await county.ok('catalog:get', {})).villages.filter((v) => v.name.startsWith('测试')),
    ).toHaveLength(2500);

    // A refusal ends the bar as failed, at the stage it stopped in.
    const againId = randomUUID();
    expect((await county.call('exchange:import', { path, jobId: againId })).ok).toBe(false);
    const refused = events.filter((e) => e.jobId === againId);
    expect(refused.map((e) => [e.current, e.state])).toEqual([
      ['校验签名与清单', 'running'],
      ['校验签名与清单', 'failed'],
    ]);
    // Without an id (another caller), nothing is reported.
    const before = events.length;
    await county
      .ok('exchange:preview', { path: await villagesPackage(county, town, 1, '另') })
      .catch(() => null);
    expect(events.length).toBe(before);
  });
});
