import { readFileSync, readdirSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROSTER } from '../../fixtures/roster';
import { RICH_PARTIES } from '../documentStore/world';
import { backUp, backupWorld } from './world';

// A backup file travels on a USB disk: nothing in it, its name or its manifest may show who the
// parties are. Everything personal lives inside the encrypted snapshot.

const PERSONAL_FIELDS = new Set(['name', 'idNumber', 'phone', 'address', 'creditCode', 'representative']);

/** Every name, ID number, phone and address in the fixtures, at any depth (agents, household). */
function personalStrings(): string[] {
  const out = new Set<string>();
  const walk = (value: unknown, key = ''): void => {
    if (typeof value === 'string') {
      if (PERSONAL_FIELDS.has(key) && value.length >= 2) out.add(value);
      if (key === 'idNumber') out.add(value.slice(-8));
    } else if (Array.isArray(value)) value.forEach((v) => walk(v, key));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  walk(RICH_PARTIES);
  walk(Object.values(ROSTER));
  return [...out];
}

function encodings(text: string): [string, Buffer][] {
  const utf16le = Buffer.from(text, 'utf16le');
  const utf16be = Buffer.from(utf16le).swap16();
  return [
    ['UTF-8', Buffer.from(text, 'utf8')],
    ['UTF-16LE', utf16le],
    ['UTF-16BE', utf16be],
  ];
}

describe('no plaintext personal data in a backup', () => {
  it('holds none of the parties’ or mediators’ names, ID numbers or phones, in UTF-8 or UTF-16', async () => {
    const w = await backupWorld();
    const file = await backUp(w.app);
    // The data really is in the database (so the search below means something).
    const detail = await (async () => {
      await w.as('clerk');
      return w.app.ok('cases:get', { id: w.caseId });
    })();
    expect(detail.parties.map((p) => p.name)).toContain('张志军');

    const bytes = readFileSync(file);
    // The search finds text where there is some: the office's name, in the manifest.
    expect(bytes.includes(Buffer.from('平罗县人民调解中心', 'utf8'))).toBe(true);
    const strings = personalStrings();
    expect(strings.length).toBeGreaterThan(15);
    const hits: string[] = [];
    for (const text of strings) {
      for (const [encoding, needle] of encodings(text)) {
        if (bytes.includes(needle)) hits.push(`${text} (${encoding})`);
      }
      if (basename(file).includes(text)) hits.push(`${text} (file name)`);
    }
    expect(hits).toEqual([]);

    // The manifest (readable without the key) says only what the 管理员 needs to pick a backup.
    const manifestAt = bytes.indexOf(Buffer.from('"format": "pingluo-mediation-desk/backup"'));
    expect(manifestAt).toBeGreaterThan(0);
    const manifest = bytes
      .subarray(manifestAt - 4, bytes.indexOf(Buffer.from('\n}'), manifestAt) + 2)
      .toString('utf8');
    const parsed = JSON.parse(manifest.slice(manifest.indexOf('{'))) as Record<string, unknown>;
    expect(Object.keys(parsed).sort()).toEqual(
      [
        'counts',
        'createdAt',
        'files',
        'format',
        'installationId',
        'office',
        'schema',
        'trigger',
        'version',
      ].sort(),
    );
    expect(parsed.office).toEqual({
      id: w.app.session.keyFile!.office.id,
      name: '平罗县人民调解中心',
      kind: 'county_center',
    });

    // No plaintext scratch copy stays behind either: only the backup, in the backup folder.
    expect(readdirSync(w.folder)).toEqual([basename(file)]);
    expect(readdirSync(w.app.dataDir).sort()).toEqual([
      'audit-anchor.json',
      'backup.json',
      'desk.db',
      'desk.db-shm',
      'desk.db-wal',
      'keys.json',
    ]);
  });
});
