import { afterEach, describe, expect, it } from 'vitest';
import { Initial0001 } from '../../../../db/migrations/0001-initial';
import { Intake0002 } from '../../../../db/migrations/0002-intake';
import { Workflow0003 } from '../../../../db/migrations/0003-workflow';
import { Documents0004 } from '../../../../db/migrations/0004-documents';
import { openStore, repositories, handleOf } from '../../../../db';
import { removeTempDirs } from '../../../helpers/tempDir';
import { tempStore } from '../../../helpers/store';

afterEach(removeTempDirs);

const CENTER = '7da55d92-5712-44e5-beb3-bda8994c7a55';

describe('migration 0004: stored document versions, signed scans, seal texts', () => {
  it('keeps existing cases and organisations, and stores versions and scans against them', async () => {
    const { store, file, key } = await tempStore({ migrations: [Initial0001, Intake0002, Workflow0003] });
    store.sql.run(
      `INSERT INTO cases (id, origin_office_id, created_at, updated_at, case_number, committee_id, number_year, number_seq, status,
         dispute_type, source, township, received_on, received_by, received_by_name, summary, requests, risk_level, party_names)
       VALUES ('c1', ?, 't', 't', '（2026）平调字第0001号', ?, 2026, 1, 'succeeded', 'contract', 'party_application', '城关镇',
         '2026-11-20', 'u', '李青', '某纠纷', '请求', 'normal', '甲 与 乙')`,
      CENTER,
      CENTER,
    );
    await store.close();

    const migrated = await openStore({
      file,
      key,
      create: false,
      migrations: [Initial0001, Intake0002, Workflow0003, Documents0004],
    });
    expect(migrated.sql.get(`SELECT status FROM cases WHERE id = 'c1'`)).toEqual({ status: 'succeeded' });
    // Organisations keep their rows; the seal text is unset (derived) until an office records its own.
    expect(
      migrated.sql.get(`SELECT name, seal_text AS seal FROM organisations WHERE id = ?`, CENTER),
    ).toEqual({
      name: '平罗县人民调解中心',
      seal: null,
    });

    const repos = repositories(handleOf(migrated));
    expect(repos.documents.nextVersionNo('c1', 'agreement')).toBe(1);
    const row = {
      id: 'v1',
      originOfficeId: CENTER,
      version: 1,
      createdAt: '2026-11-30T01:00:00.000Z',
      updatedAt: '2026-11-30T01:00:00.000Z',
      deletedAt: null,
      caseId: 'c1',
      kind: 'agreement',
      versionNo: 1,
      title: '人民调解协议书',
      fileName: 'a.docx',
      size: 3,
      sha256: 'a'.repeat(64),
      fingerprint: 'b'.repeat(64),
      shortCode: 'ABCD-EFGH-JKMN',
      caseNumber: '（2026）平调字第0001号',
      agreementNumber: '（2026）平调字第0001号',
      generatedBy: 'u',
      generatedByName: '马秀英',
    };
    repos.documents.insertVersion(row, Buffer.from('PK!'));
    expect(repos.documents.nextVersionNo('c1', 'agreement')).toBe(2);
    expect(repos.documents.byShortCode('ABCD-EFGH-JKMN').map((r) => r.id)).toEqual(['v1']);
    expect(repos.documents.versionData('v1')?.toString()).toBe('PK!');
    // One number per version of a kind; the hash must be a SHA-256; scans only of known types.
    expect(() => repos.documents.insertVersion(row, Buffer.from('x'))).toThrow(/UNIQUE/);
    expect(() =>
      repos.documents.insertVersion({ ...row, id: 'v2', versionNo: 2, sha256: 'short' }, Buffer.from('x')),
    ).toThrow(/CHECK/);
    const scan = {
      id: 's1',
      originOfficeId: CENTER,
      version: 1,
      createdAt: 't',
      updatedAt: 't',
      deletedAt: null,
      versionId: 'v1',
      caseId: 'c1',
      fileName: 'x.gif',
      mimeType: 'image/gif',
      size: 1,
      sha256: 'c'.repeat(64),
      addedByName: '马秀英',
    };
    expect(() => repos.documents.insertScan(scan, Buffer.from('G'))).toThrow(/CHECK/);
    expect(() =>
      repos.documents.insertScan({ ...scan, versionId: 'missing', mimeType: 'image/png' }, Buffer.from('G')),
    ).toThrow(/FOREIGN KEY/);
    repos.documents.insertScan({ ...scan, mimeType: 'image/png' }, Buffer.from('P'));
    expect(repos.documents.scans('c1').map((s) => s.id)).toEqual(['s1']);
    await migrated.close();
  });
});
