import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import yazl from 'yazl';
import type { VillageRecord } from '../../../main/contract/exchange/records';
import { packageLimits } from '../../../main/core/exchange/packageReader';
import { CHENGGUAN_ID, COUNTY_ID, HUANGQUQIAO_ID, setUpOffice, trustEachOther } from '../../helpers/exchange';
import { tempDir } from '../../helpers/tempDir';
import { fresh, refusal, signedPackage, type Pair } from '../../helpers/exchangeCraft';
import { readZip, type ZipEntry } from '../../helpers/zipEntries';

// Reading a package is hostile by default (issue 14): every way a package can be wrong is
// refused with a Chinese reason, and the database is left as it was — a hash over every row of
// every table, the audit log up to before the attempt (the refusal itself is audited).

type Entry = ZipEntry;

async function writeZip(entries: Entry[], path = join(tempDir(), 'crafted.zip')): Promise<string> {
  const zip = new yazl.ZipFile();
  for (const e of entries)
    zip.addBuffer(e.data, e.name, { mode: e.mode ?? 0o100644, compress: e.compress ?? false });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream) chunks.push(c as Buffer);
  writeFileSync(path, Buffer.concat(chunks));
  return path;
}

/** Replaces every occurrence of a (same-length) byte string: a file name in both zip headers. */
function patchBytes(path: string, from: string, to: string): void {
  const bytes = readFileSync(path);
  const a = Buffer.from(from);
  const b = Buffer.from(to);
  expect(a.length).toBe(b.length);
  let at = bytes.indexOf(a);
  expect(at).toBeGreaterThan(-1);
  while (at !== -1) {
    b.copy(bytes, at);
    at = bytes.indexOf(a, at + 1);
  }
  writeFileSync(path, bytes);
}

/** Declares a smaller uncompressed size for an entry in the central directory (a lying zip bomb). */
function lieAboutSize(path: string, name: string, size: number): void {
  const bytes = readFileSync(path);
  const nameBytes = Buffer.from(name);
  for (let at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); at !== -1;) {
    const nameLength = bytes.readUInt16LE(at + 28);
    if (bytes.subarray(at + 46, at + 46 + nameLength).equals(nameBytes)) bytes.writeUInt32LE(size, at + 24);
    at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4);
  }
  writeFileSync(path, bytes);
}

/** Runs `check` with one of the reader's limits lowered, so a small package can cross it. */
async function withLimit<T>(limit: keyof typeof packageLimits, value: number, check: () => Promise<T>) {
  const before = packageLimits[limit];
  packageLimits[limit] = value;
  try {
    return await check();
  } finally {
    packageLimits[limit] = before;
  }
}

interface Setting extends Pair {
  /** A valid package from the township to the county. */
  path: string;
  entries: Entry[];
}

async function setting(): Promise<Setting> {
  const county = await setUpOffice(COUNTY_ID);
  const town = await setUpOffice(CHENGGUAN_ID);
  await trustEachOther(county, town);
  await town.ok('catalog:saveVillage', { township: '城关镇', name: '新丰村', active: true });
  const sent = await town.ok('exchange:generate', { officeId: COUNTY_ID, folder: tempDir() });
  return { county, town, path: sent.path, entries: await readZip(sent.path) };
}

function village(over: Partial<VillageRecord> = {}): VillageRecord {
  return {
    ...fresh(CHENGGUAN_ID),
    township: '城关镇',
    name: '试验村',
    active: true,
    code: null,
    ...over,
  };
}

const manifestOf = (s: Setting) => s.entries.find((e) => e.name === 'manifest.json')!;
const dataOf = (s: Setting) => s.entries.find((e) => e.name.startsWith('data/'))!;
const without = (s: Setting, name: string) => s.entries.filter((e) => e.name !== name);

describe('a hostile package is refused with the database unchanged', () => {
  it('accepts the untouched package (the baseline the others change)', async () => {
    const s = await setting();
    const copy = await writeZip(s.entries);
    expect((await s.county.ok('exchange:import', { path: copy })).counts.villages.new).toBe(1);
  });

  it('zip-slip: a path climbing out with ..', async () => {
    const s = await setting();
    const path = await writeZip([...s.entries, { name: 'zz/aaaaaaaa.bin', data: Buffer.from('x') }]);
    patchBytes(path, 'zz/aaaaaaaa.bin', '../../etc/evil1');
    expect(await refusal(s.county, path)).toMatch(
      /文件名“\.\.\/\.\.\/etc\/evil1”是绝对路径或含有“\.\.”（路径穿越）/,
    );
  });

  it('an absolute path', async () => {
    const s = await setting();
    const path = await writeZip([...s.entries, { name: 'zzzz/passwd', data: Buffer.from('x') }]);
    patchBytes(path, 'zzzz/passwd', '/etc/passwd');
    expect(await refusal(s.county, path)).toMatch(/“\/etc\/passwd”是绝对路径/);
  });

  it('a symlink', async () => {
    const s = await setting();
    const path = await writeZip([
      ...s.entries,
      { name: 'link', data: Buffer.from('/etc/passwd'), mode: 0o120777 },
    ]);
    expect(await refusal(s.county, path)).toMatch(/数据包含有符号链接“link”/);
  });

  it('a duplicate entry', async () => {
    const s = await setting();
    const path = await writeZip([...s.entries, dataOf(s)]);
    expect(await refusal(s.county, path)).toMatch(/数据包含有重复的文件“data\/000001.bin”/);
  });

  it('an entry the manifest does not list', async () => {
    const s = await setting();
    const path = await writeZip([...s.entries, { name: 'readme.txt', data: Buffer.from('hi') }]);
    expect(await refusal(s.county, path)).toMatch(/数据包含有清单未列出的文件“readme.txt”/);
  });

  it('an entry whose hash differs from the manifest', async () => {
    const s = await setting();
    const data = Buffer.from(dataOf(s).data);
    data[10] = data[10]! ^ 0xff;
    const path = await writeZip([...without(s, dataOf(s).name), { name: dataOf(s).name, data }]);
    expect(await refusal(s.county, path)).toMatch(/文件“data\/000001.bin”的校验值与清单不符/);
  });

  it('a tampered manifest', async () => {
    const s = await setting();
    const text = manifestOf(s).data.toString('utf8').replace('"sequence": 1', '"sequence": 7');
    const path = await writeZip([
      ...without(s, 'manifest.json'),
      { name: 'manifest.json', data: Buffer.from(text) },
    ]);
    expect(await refusal(s.county, path)).toMatch(
      /清单签名无效：清单被改动过，或不是城关镇人民调解委员会签发的/,
    );
  });

  it('an entry holding another number of records than its signed manifest declares', async () => {
    const s = await setting();
    // The township's own key signs it: only the count is wrong (the progress bar reads it).
    const text = manifestOf(s).data.toString('utf8').replace('"records": 1', '"records": 2');
    const signed = s.town.session.installationKeys().sign('exchange/manifest/v1', Buffer.from(text));
    const path = await writeZip([
      ...s.entries.filter((e) => !e.name.startsWith('manifest.')),
      { name: 'manifest.json', data: Buffer.from(text) },
      { name: 'manifest.sig', data: Buffer.from(signed) },
    ]);
    expect(await refusal(s.county, path)).toBe(
      '数据包不能导入：文件“data/000001.bin”的记录数与清单不符（清单2条，实有1条）',
    );
  });

  it('a package from newer software; one from the software before 归档版本 travelled is read', async () => {
    const s = await setting();
    /** The package with its manifest's format version changed, signed again by the township. */
    const asVersion = (version: number) => {
      const text = manifestOf(s).data.toString('utf8').replace('"version": 3', `"version": ${version}`);
      const signed = s.town.session.installationKeys().sign('exchange/manifest/v1', Buffer.from(text));
      return writeZip([
        ...s.entries.filter((e) => !e.name.startsWith('manifest.')),
        { name: 'manifest.json', data: Buffer.from(text) },
        { name: 'manifest.sig', data: Buffer.from(signed) },
      ]);
    };
    expect(await refusal(s.county, await asVersion(4))).toBe(
      '数据包不能导入：数据包由更新版本的软件生成（格式第4版，本机只能读取到第3版），请先升级本机软件再导入',
    );
    const older = await asVersion(1);
    expect((await s.county.ok('exchange:import', { path: older })).counts.villages.new).toBe(1);
  });

  it('a signature made with another key', async () => {
    const s = await setting();
    const forged = s.county.session.installationKeys().sign('exchange/manifest/v1', manifestOf(s).data);
    const path = await writeZip([
      ...without(s, 'manifest.sig'),
      { name: 'manifest.sig', data: Buffer.from(forged) },
    ]);
    expect(await refusal(s.county, path)).toMatch(/清单签名无效/);
  });

  it('a sender the county does not trust', async () => {
    const s = await setting();
    const other = await setUpOffice(HUANGQUQIAO_ID);
    const card = await s.county.ok('exchange:keyCard', {});
    await other.ok('exchange:trust', { card: card.text, fingerprint: card.fingerprint });
    const sent = await other.ok('exchange:generate', { officeId: COUNTY_ID, folder: tempDir() });
    expect(await refusal(s.county, sent.path)).toMatch(
      /发送机构“黄渠桥镇人民调解委员会”不在本机的信任机构中，请先导入对方的机构密钥卡/,
    );
  });

  it('a revoked sender', async () => {
    const s = await setting();
    await s.county.ok('exchange:revoke', { officeId: CHENGGUAN_ID, reason: '电脑丢失' });
    expect(await refusal(s.county, s.path)).toMatch(/对城关镇人民调解委员会的信任已于\d{4}-\d\d-\d\d撤销/);
  });

  it('a package for another recipient', async () => {
    const s = await setting();
    const path = await signedPackage(s, [{ t: 'villages', r: village() }], {
      recipient: {
        officeId: HUANGQUQIAO_ID,
        agreement: s.county.session.installationKeys().publicKeys.agreement,
      },
    });
    expect(await refusal(s.county, path)).toMatch(/这个数据包是发给其他机构的，不是发给本机构的/);
  });

  it('a replay of an older package', async () => {
    const s = await setting();
    const second = await s.town.ok('exchange:generate', { officeId: COUNTY_ID, folder: tempDir() });
    await s.county.ok('exchange:import', { path: second.path });
    expect(await refusal(s.county, s.path)).toMatch(
      /这是城关镇人民调解委员会的第1号数据包，早于已导入的第2号，不能导入/,
    );
    expect(await refusal(s.county, second.path)).toMatch(/第2号数据包已经导入过，不能重复导入/);
  });

  it('a zip bomb: too many entries', async () => {
    const s = await setting();
    const many = Array.from({ length: 10_010 }, (_, i) => ({ name: `f${i}`, data: Buffer.alloc(0) }));
    const path = await writeZip([...s.entries, ...many]);
    // The manifest, the township's own organisation row, its villages and case pages, and these.
    expect(await refusal(s.county, path)).toMatch(/数据包含有10014个文件，超过上限（疑似压缩炸弹）/);
  });

  it('a zip bomb: an entry that inflates a thousandfold', async () => {
    const s = await setting();
    const path = await writeZip([
      ...s.entries,
      { name: 'zeros', data: Buffer.alloc(20 * 1024 ** 2), compress: true },
    ]);
    expect(await refusal(s.county, path)).toMatch(/文件“zeros”的压缩比异常（疑似压缩炸弹）/);
  });

  it('a zip bomb that lies about its size is stopped while streaming', async () => {
    const s = await setting();
    const padded = Buffer.concat([manifestOf(s).data, Buffer.alloc(8 * 1024 ** 2, 0x20)]);
    const path = await writeZip([
      ...without(s, 'manifest.json'),
      { name: 'manifest.json', data: padded, compress: true },
    ]);
    lieAboutSize(path, 'manifest.json', 2000);
    expect(await refusal(s.county, path)).toMatch(/文件“manifest.json”的实际大小与声明不符（疑似压缩炸弹）/);
  });

  it('a zip bomb: entries that together unpack to more than a package may hold', async () => {
    const s = await setting();
    // Each entry passes on its own; the declared total is checked before anything is read.
    const total = s.entries.reduce((sum, e) => sum + e.data.length, 0);
    expect(await withLimit('maxTotalBytes', total - 1, () => refusal(s.county, s.path))).toBe(
      '数据包不能导入：数据包解压后的大小超过上限（疑似压缩炸弹）',
    );
  });

  it('a page of records that unpacks past its bound inside the encryption', async () => {
    const s = await setting();
    // Forty identical villages gzip to a fraction of their text: the stored entry is small,
    // the records it unpacks to are not; the unzip stops at the bound.
    const path = await signedPackage(
      s,
      Array.from({ length: 40 }, (_, i) => ({ t: 'villages', r: village({ name: `试验${i}村` }) })),
    );
    const stored = (await readZip(path)).find((e) => e.name.startsWith('data/'))!.data.length;
    expect(await withLimit('maxPlainBytes', stored * 2, () => refusal(s.county, path))).toBe(
      '数据包不能导入：文件“data/000001.bin”解压失败或解压后超过上限',
    );
  });

  it('a truncated file', async () => {
    const s = await setting();
    const bytes = readFileSync(s.path);
    const path = join(tempDir(), 'cut.zip');
    writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length * 0.7)));
    expect(await refusal(s.county, path)).toMatch(/文件不完整或不是zip数据包（可能下载或拷贝时被截断）/);
  });

  it('a record that fails the contract’s schema', async () => {
    const s = await setting();
    const path = await signedPackage(s, [
      { t: 'villages', r: village() },
      { t: 'villages', r: { ...village(), code: '12ab' } },
    ]);
    expect(await refusal(s.county, path)).toMatch(/第2条记录不符合格式：r.code 统计用区划代码应为12位数字/);
    const unknown = await signedPackage(s, [{ t: 'users', r: { name: '张三' } }]);
    expect(await refusal(s.county, unknown)).toMatch(/第1条记录的类型本机不认识/);
  });

  it('a record of another township', async () => {
    const s = await setting();
    const path = await signedPackage(s, [{ t: 'villages', r: village({ township: '黄渠桥镇' }) }]);
    expect(await refusal(s.county, path)).toMatch(
      /第1条记录（村（社区）“试验村”）属于黄渠桥镇，不在城关镇人民调解委员会的范围内/,
    );
  });

  it('a change that would give a village the name of another one here', async () => {
    const s = await setting();
    await s.county.ok('exchange:import', { path: s.path });
    // The county adds a village of that name before it reaches the township.
    await s.county.ok('catalog:saveVillage', { township: '城关镇', name: '试点甲村', active: true });
    const ours = (await s.town.ok('catalog:get', {})).villages.find((v) => v.name === '新丰村')!;
    await s.town.ok('catalog:saveVillage', {
      id: ours.id,
      township: '城关镇',
      name: '试点甲村',
      active: true,
    });
    const second = await s.town.ok('exchange:generate', { officeId: COUNTY_ID, folder: tempDir() });
    // Record 1 is the township's own organisation row, re-sent until the county's receipt arrives.
    expect(await refusal(s.county, second.path)).toBe(
      '数据包不能导入：第2条记录（村（社区）“城关镇试点甲村”）与本机已有的“城关镇试点甲村”同名或代码相同，请联系对方核对',
    );
  });

  it('a record the county owns', async () => {
    const s = await setting();
    const seeded = (await s.county.ok('catalog:get', {})).villages.find((v) => v.township === '城关镇')!;
    const path = await signedPackage(s, [
      { t: 'villages', r: village({ id: seeded.id, name: '改名村', version: 5 }) },
    ]);
    expect(await refusal(s.county, path)).toMatch(
      /第1条记录（村（社区））属于其他机构，城关镇人民调解委员会无权发送它/,
    );
  });
});
