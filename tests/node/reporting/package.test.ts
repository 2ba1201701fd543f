import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { ZipFile } from 'yazl';
import { InstallationKeys } from '../../../main/core/installationKeys/keys';
import { exportPackage, PASSWORD, runChecker } from './exporting';
import { provinceWorld } from './world';

function entries(bytes: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      const out = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) =>
        zip.openReadStream(entry, (e, stream) => {
          if (e) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        }),
      );
      zip.on('end', () => resolve(out));
      zip.readEntry();
    });
  });
}

function rezip(files: Map<string, Buffer>): Promise<Buffer> {
  const zip = new ZipFile();
  for (const [name, data] of files) zip.addBuffer(data, name);
  zip.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve) => {
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

describe('the provincial data package', () => {
  it('is signed, encrypted with the password, checks out with the province script, and resends byte-identical', async () => {
    const w = await provinceWorld(12);
    const first = await exportPackage(w.app, {
      mappingId: 'default',
      protection: { mode: 'password', password: PASSWORD },
    });
    expect(first.job).toMatchObject({ state: 'finished', batchNo: 1, resent: false, heldBack: 0 });
    const files = await entries(first.bytes!);
    expect([...files.keys()]).toEqual([
      'data/organisations.json.gz.enc',
      'data/mediators.json.gz.enc',
      'data/screenings.json.gz.enc',
      'data/cases.json.gz.enc',
      'manifest.json',
      'manifest.sig',
    ]);
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as {
      sender: { fingerprint: string };
      infoSets: Record<string, { records: number }>;
      protection: { mode: string };
    };
    expect(manifest.infoSets.cases!.records).toBe(12);
    expect(manifest.protection.mode).toBe('password');
    // No personal data readable in the package without the password.
    const party = w.sql().get<{ name: string }>(`SELECT name FROM parties LIMIT 1`)!.name;
    expect(first.bytes!.includes(Buffer.from(party))).toBe(false);

    const fingerprint = w.app.session.installationKeys().fingerprint;
    expect(manifest.sender.fingerprint).toBe(fingerprint);
    const ok = runChecker(first.file!, ['--fingerprint', fingerprint, '--password', PASSWORD]);
    expect(ok.out).toContain('数据包完整，未被改动。');
    expect(ok.out).toContain('data/cases.json.gz.enc：SHA-256 一致，已解密，12条记录');
    expect(ok.code).toBe(0);
    expect(runChecker(first.file!, ['--password', 'WrongPassword2026']).out).toContain('密码或私钥不正确');
    expect(runChecker(first.file!, ['--fingerprint', 'AAAA-BBBB-CCCC-DDDD']).code).toBe(1);

    // No receipt yet: exporting again resends the same batch, byte for byte.
    const again = await exportPackage(w.app, {
      mappingId: 'default',
      protection: { mode: 'password', password: PASSWORD },
    });
    expect(again.job).toMatchObject({ batchNo: 1, resent: true });
    expect(again.bytes!.equals(first.bytes!)).toBe(true);

    // One changed byte in a data file, or a rewritten manifest: the checker says so.
    const tampered = Buffer.from(first.bytes!);
    const at = tampered.indexOf(files.get('data/cases.json.gz.enc')!.subarray(0, 32)) + 40;
    tampered[at] = tampered[at]! ^ 0xff;
    writeFileSync(first.file!, tampered);
    const broken = runChecker(first.file!);
    expect(broken.code).toBe(1);
    expect(broken.out).toContain('文件被改动：data/cases.json.gz.enc');
    // A forger rewrites the manifest to match a changed file: the signature no longer fits.
    const manifestText = files
      .get('manifest.json')!
      .toString('utf8')
      .replace('"records": 12', '"records": 11');
    writeFileSync(
      first.file!,
      await rezip(new Map([...files, ['manifest.json', Buffer.from(manifestText)]])),
    );
    const forged = runChecker(first.file!);
    expect(forged.code).toBe(1);
    expect(forged.out).toContain('清单签名不正确');
  });

  it('encrypts to the province key: only its private key opens the data', async () => {
    const w = await provinceWorld(4);
    const province = InstallationKeys.generate();
    const sent = await exportPackage(w.app, {
      mappingId: 'default',
      protection: { mode: 'recipient', recipientKey: province.publicKeys.agreement },
    });
    const seed = province.seeds().agreement.toString('base64url');
    const opened = runChecker(sent.file!, ['--private-key', seed]);
    expect(opened.out).toContain('data/cases.json.gz.enc：SHA-256 一致，已解密，4条记录');
    expect(opened.code).toBe(0);
    const other = InstallationKeys.generate().seeds().agreement.toString('base64url');
    expect(runChecker(sent.file!, ['--private-key', other]).code).toBe(1);
  });

  it('is refused unencrypted to the 档案员, and needs the 管理员 to confirm the warning', async () => {
    const w = await provinceWorld(5);
    const refused = await w.app.call('province:export', {
      mappingId: 'default',
      protection: { mode: 'none' },
      confirmPlain: true,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(!refused.ok && refused.error.message).toContain('只有管理员可以导出不加密的数据包');
    const weak = await w.app.call('province:export', {
      mappingId: 'default',
      protection: { mode: 'password', password: '123456' },
    });
    expect(!weak.ok && weak.error.message).toBe('加密密码：至少10位，须同时含有字母和数字');
    await w.as('admin');
    const unconfirmed = await w.app.call('province:export', {
      mappingId: 'default',
      protection: { mode: 'none' },
    });
    expect(!unconfirmed.ok && unconfirmed.error.message).toContain('请勾选确认后再导出');
  });
});
