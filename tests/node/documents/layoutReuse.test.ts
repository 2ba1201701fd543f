import { afterEach, describe, expect, it } from 'vitest';
import {
  documentKinds,
  renderDocument,
  type DocumentCase,
  type DocumentKindId,
} from '../../../main/core/documents';
import { layoutReuse } from '../../../main/core/documents/layout/flow';
import {
  anOrganisation,
  caseFor,
  fourPartyCase,
  manyPartiesCase,
  RICH_TODAY,
  richCase,
} from '../../fixtures/documentCase';

// layout/flow.ts lays out only the pages after the unchanged part again when it tries another
// variant or inserts a continuation heading. That must change no decision: every form, and
// agreements and applications whose signature blocks break at many different places, pack to
// the same bytes (document.xml included) with the reuse as with every layout made whole.

const at = { today: RICH_TODAY };

async function bothWays(kind: DocumentKindId, c: DocumentCase): Promise<[Buffer, Buffer]> {
  layoutReuse.enabled = false;
  const whole = await renderDocument(kind, c, at);
  layoutReuse.enabled = true;
  return [whole, await renderDocument(kind, c, at)];
}

afterEach(() => {
  layoutReuse.enabled = true;
});

/** The rich case with `lines` more one-line terms: the breaks move through the signatures. */
function moreTerms(lines: number): DocumentCase {
  const c = richCase();
  const extra = Array.from(
    { length: lines },
    (_, i) => `各方对流转期间第${i + 1}批灌溉用水费用的分摊另行书面约定。`,
  );
  c.agreement = { ...c.agreement!, terms: [...c.agreement!.terms, ...extra] };
  return c;
}

/** Long organisation names: each sign row takes two lines. */
function longNames(): DocumentCase {
  const c = manyPartiesCase(5);
  c.parties = c.parties.map((p, i) =>
    i % 2 === 0
      ? p
      : anOrganisation({
          id: p.id,
          role: p.role,
          name: `宁夏回族自治区平罗县第${i}号现代农业综合开发专业合作社有限责任公司`,
        }),
  );
  return c;
}

describe('reusing the unchanged pages of a layout', () => {
  it('packs every form to the same bytes', async () => {
    for (const k of documentKinds) {
      const [whole, reused] = await bothWays(k.id, caseFor(k.id));
      expect(reused.equals(whole), k.id).toBe(true);
    }
  }, 120_000);

  it('packs agreements and applications whose signatures break anywhere to the same bytes', async () => {
    const cases: Record<string, DocumentCase> = {
      four: fourPartyCase(),
      six: manyPartiesCase(6),
      ten: manyPartiesCase(10),
      longNames: longNames(),
    };
    for (let lines = 1; lines <= 12; lines++) cases[`terms+${lines}`] = moreTerms(lines);
    const before = layoutReuse.reused;
    for (const [name, c] of Object.entries(cases)) {
      for (const kind of ['agreement', 'confirmation-application'] as const) {
        const [whole, reused] = await bothWays(kind, c);
        expect(reused.equals(whole), `${name} ${kind}`).toBe(true);
      }
    }
    // The cases exercise the reuse (a variant tried after another, a heading inserted).
    expect(layoutReuse.reused - before).toBeGreaterThan(10);
  }, 300_000);
});
