import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// A desk that registers, dispatches and searches must not carry the document libraries: docx and
// its layout model, qrcode, exceljs, pdf-lib and fontkit together are ~80 MB of a township PC's
// memory. They load with the first document, export or dossier PDF. Checked in a fresh Node
// process (vitest's own module graph holds whatever other suites loaded): which packages the
// desk's services pull in when loaded, and which once a document is made.

const root = join(__dirname, '..', '..', '..');
const HEAVY = ['docx', 'qrcode', 'exceljs', 'pdf-lib', 'fontkit'];

function packagesLoadedBy(script: string): string[] {
  const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], {
    cwd: root,
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as string[];
}

const listLoaded = `
  const heavy = ${JSON.stringify(HEAVY)};
  const loaded = () => heavy.filter((name) =>
    Object.keys(require.cache).some((file) => file.includes('/node_modules/' + name + '/')));
`;

describe('document libraries load on demand', () => {
  it('loading the desk (every channel handler and service) loads none of them', () => {
    const loaded = packagesLoadedBy(`${listLoaded}
      require('./main/ipc');
      console.log(JSON.stringify(loaded()));`);
    expect(loaded).toEqual([]);
  });

  it('the first agreement loads docx and qrcode, and the agreement is made', () => {
    const loaded = packagesLoadedBy(`${listLoaded}
      const { renderAgreement } = require('./main/core/documents');
      const { richCase, RICH_TODAY } = require('./tests/fixtures/documentCase');
      renderAgreement(richCase(), { today: RICH_TODAY }).then((bytes) => {
        if (bytes.subarray(0, 2).toString() !== 'PK') throw new Error('not a .docx');
        console.log(JSON.stringify(loaded()));
      });`);
    expect(loaded).toEqual(['docx', 'qrcode']);
  });
});
