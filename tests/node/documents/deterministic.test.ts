import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { documentKinds, renderDocument } from '../../../main/core/documents';
import { caseFor, RICH_TODAY, richCase } from '../../fixtures/documentCase';

// A stored version's SHA-256 must change only when what it prints changes: no wall-clock time
// (core.xml dates, zip entry times) and no process-wide counter (drawing ids) may leak into the
// bytes.

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('packing is deterministic', () => {
  it('packs every kind to the same bytes again, later and after other documents', async () => {
    const first: Record<string, string> = {};
    for (const k of documentKinds)
      first[k.id] = sha(await renderDocument(k.id, caseFor(k.id), { today: RICH_TODAY }));
    await new Promise((resolve) => setTimeout(resolve, 2100)); // past the zip format's 2-second time step
    for (const k of [...documentKinds].reverse()) {
      expect(sha(await renderDocument(k.id, caseFor(k.id), { today: RICH_TODAY })), k.id).toBe(first[k.id]);
    }
  });

  it('changes the bytes when a printed word changes', async () => {
    const a = await renderDocument('agreement', richCase(), { today: RICH_TODAY });
    const c = richCase();
    c.agreement!.terms[0] = c.agreement!.terms[0]!.replace('58,300', '58,800');
    expect(sha(await renderDocument('agreement', c, { today: RICH_TODAY }))).not.toBe(sha(a));
  });
});
