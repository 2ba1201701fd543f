import { afterEach, describe, expect, it } from 'vitest';
import { migrations, openStore } from '../../../../db';
import { removeTempDirs } from '../../../helpers/tempDir';
import { tempStore } from '../../../helpers/store';

afterEach(removeTempDirs);

const center = '7da55d92-5712-44e5-beb3-bda8994c7a55';

describe('migration 0011: uploaded files keep only a safe display name', () => {
  it('cleans the names of attachments and signed scans stored as typed', async () => {
    const before = migrations.slice(
      0,
      migrations.findIndex((m) => /0011$/.test(new m().name)),
    );
    const { store, file, key } = await tempStore({ migrations: before });
    store.sql.run(
      `INSERT INTO cases (id, origin_office_id, created_at, updated_at, case_number, committee_id, number_year, number_seq, status,
         dispute_type, source, township, received_on, received_by, received_by_name, summary, requests, risk_level, party_names)
       VALUES ('c1', ?, 't', 't', 'N1', ?, 2026, 1, 'mediating', 'contract', 'party_application', '城关镇', '2026-11-20', 'u',
         '李青', '某纠纷', '请求', 'normal', '甲 与 乙')`,
      center,
      center,
    );
    const attachment = (id: string, name: string, mime: string) =>
      store.sql.run(
        `INSERT INTO attachments (id, origin_office_id, created_at, updated_at, case_id, file_name, mime_type, size, sha256, data,
           added_by_name) VALUES (?, ?, 't', 't', 'c1', ?, ?, 1, ?, x'00', '李青')`,
        id,
        center,
        name,
        mime,
        '0'.repeat(64),
      );
    attachment('a1', '../../etc/cron.d/x.pdf', 'application/pdf');
    attachment('a2', 'invoice\u202efdp.exe', 'application/pdf');
    attachment('a3', '现场照片.png', 'image/png');
    attachment('a4', '../', 'image/jpeg');
    store.sql.run(
      `INSERT INTO document_versions (id, origin_office_id, created_at, updated_at, case_id, kind, version_no, title, file_name,
         size, sha256, case_number, generated_by, generated_by_name, data)
       VALUES ('v1', ?, 't', 't', 'c1', 'agreement', 1, '人民调解协议书', 'N1-协议书-第1版.docx', 1, ?, 'N1', 'u', '李青', x'00')`,
      center,
      '0'.repeat(64),
    );
    store.sql.run(
      `INSERT INTO document_scans (id, origin_office_id, created_at, updated_at, version_id, case_id, file_name, mime_type, size,
         sha256, data, added_by_name) VALUES ('s1', ?, 't', 't', 'v1', 'c1', ?, 'application/pdf', 1, ?, x'00', '李青')`,
      center,
      'C:\\扫描\\签字页\u0007.pdf',
      '0'.repeat(64),
    );
    await store.close();

    const migrated = await openStore({ file, key, create: false, migrations });
    expect(migrated.sql.all(`SELECT id, file_name AS name FROM attachments ORDER BY id`)).toEqual([
      { id: 'a1', name: 'x.pdf' },
      { id: 'a2', name: 'invoicefdp.exe.pdf' },
      { id: 'a3', name: '现场照片.png' },
      { id: 'a4', name: '附件.jpg' },
    ]);
    expect(migrated.sql.get(`SELECT file_name AS name FROM document_scans WHERE id = 's1'`)).toEqual({
      name: '签字页.pdf',
    });
    await migrated.close();
  });
});
