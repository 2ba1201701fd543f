import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { aPerson } from '../../fixtures/builders';
import { exchange, mediate, offices, registerCase, residentId } from '../../helpers/exchangeCases';
import { readZip } from '../../helpers/zipEntries';

// Issue 14: nothing personal is readable in a package without the recipient's key, not even
// the file names. The package is searched as it lies on a USB disk: the whole file, each entry
// as stored, its name and the names inside, in UTF-8 and UTF-16.

describe('an exchange package without its key', () => {
  it('shows no name, ID number, phone, case number or dispute text', async () => {
    const { county, town } = await offices();
    const idNumber = residentId(777);
    const registered = await registerCase(town, {
      summary: '两户因宅基地界址和院墙排水发生纠纷，欧阳秀兰要求对方拆除越界围墙。',
      parties: [
        aPerson({ name: '欧阳秀兰', idNumber, phone: '13912345678' }),
        aPerson({ name: '慕容建国', role: 'respondent', idNumber: residentId(778) }),
      ],
    });
    await mediate(town, registered.id);
    const { sent, imported } = await exchange(town, county);
    // The package did carry the case: the county reads it with its key.
    expect(imported.counts.cases.new).toBe(1);

    const raw = readFileSync(sent.path);
    const entries = await readZip(sent.path);
    const secrets = [
      '欧阳秀兰',
      '慕容建国',
      idNumber,

      '13912345678',
      registered.caseNumber,
      '宅基地界址',
      '越界围墙',
    ];
    for (const secret of secrets) {
      for (const bytes of [Buffer.from(secret, 'utf8'), Buffer.from(secret, 'utf16le')]) {
        expect(raw.includes(bytes), `${secret} in the package file`).toBe(false);
        for (const entry of entries)
          expect(entry.data.includes(bytes), `${secret} in ${entry.name}`).toBe(false);
      }
      expect(sent.fileName).not.toContain(secret);
      for (const entry of entries) expect(entry.name).not.toContain(secret);
    }
    expect(entries.map((e) => e.name).sort()).toEqual(
      [
        ...entries.filter((e) => e.name.startsWith('data/')).map((e) => e.name),
        'manifest.json',
        'manifest.sig',
      ].sort(),
    );
    expect(
      entries.filter((e) => e.name.startsWith('data/')).every((e) => /^data\/\d{6}\.bin$/.test(e.name)),
    ).toBe(true);
  });
});
