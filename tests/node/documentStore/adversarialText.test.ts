import { afterAll, describe, expect, it } from 'vitest';
import type { CreateCaseInput, DocumentKindIdDto, PartyInput } from '../../../main/contract';
import { xmlParts, xmlProblems } from '../../helpers/docxXml';
import { LibreOffice } from '../../helpers/libreoffice';
import { ORGS } from '../../helpers/workflow';
import { RICH_CASE, RICH_PARTIES } from '../../fixtures/richCase';
import { addRecords, mediatingCase, richAgreement, workflowWorld, type World } from './world';

// Issue 8 §3, text that breaks documents. Every text field of three cases (a written agreement
// carried to the end, a failed mediation, an oral agreement) holds adversarial text, then every
// document the desk offers is generated through documents:generate, each XML part is parsed by a
// conforming XML parser, and LibreOffice converts each .docx to PDF.
//   1. As the service accepts it: XML syntax, CDATA ends, quotes, astral and ZWJ emoji,
//      combining marks, zero-width spaces, newlines and tabs in long text.
//   2. Past the contract: the same rows then rewritten with raw SQL to hold what the text rule
//      refuses (U+FFFE, U+FFFF, C0/C1 controls, bidi overrides, noncharacters, a lone surrogate),
//      as rows written before the rule or by a repair by hand would. The document writer's last
//      line of defence must keep the XML valid.

/** Accepted by the text rule: must come out as typed. */
const ODD = `<w:t>&amp;]]>"'𠀀👨‍👩‍👧‍👦é\u200b`;
/** Refused by the text rule: must never reach the XML. */
const POISON =
  '毒\uFFFE\uFFFF\u0001\u001b\u0085\u000b\u202E\u2066\u200F\u061C\uFDD0\u{1FFFE}\u{10FFFF}\uD800尾';
const HIDDEN =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\ufdd0-\ufdef\ufffe\uffff]|[\ud83f\udbff][\udffe\udfff]/u;

/** `value` (a preprocessed optional field is typed unknown on input) ending in ODD, within `max`. */
const odd = (value: unknown, max: number) =>
  `${String(value).slice(0, Math.max(1, max - ODD.length))}${ODD}`.slice(0, max);
const oddLong = (value: string) => `${value}\n\t${ODD}\n第二段\t缩进`;

const lo = new LibreOffice();
afterAll(() => lo.dispose());

let w: World;
const cases = { agreed: '', failed: '', oral: '' };

function oddParty(p: PartyInput): PartyInput {
  const agent = p.agent
    ? {
        ...p.agent,
        name: odd(p.agent.name, 40),
        relation: odd(p.agent.relation ?? '亲属', 20),
        authorityDetail: odd('代为承认、放弃、变更请求', 200),
      }
    : undefined;
  if (p.kind === 'person') {
    return {
      ...p,
      name: odd(p.name, 40),
      occupation: odd(p.occupation ?? '农民', 40),
      address: odd(p.address ?? '平罗县', 120),
      ...(agent ? { agent } : {}),
    };
  }
  return {
    ...p,
    name: odd(p.name, 80),
    representative: odd(p.representative ?? '王建国', 40),
    representativeTitle: odd(p.representativeTitle ?? '经理', 20),
    address: odd(p.address ?? '平罗县', 120),
    ...(agent ? { agent } : {}),
  };
}

const oddCase: Partial<CreateCaseInput> = {
  ...RICH_CASE,
  summary: oddLong(RICH_CASE.summary),
  requests: oddLong(RICH_CASE.requests),
  parties: RICH_PARTIES.map(oddParty),
  repeatReason: oddLong('另一起独立纠纷'),
};

async function generateAll(caseId: string, only?: DocumentKindIdDto[]): Promise<Record<string, Buffer>> {
  const overview = await w.app.ok('documents:list', { caseId });
  const files: Record<string, Buffer> = {};
  // The confirmation dialog's answers: all parties apply; the agreement concerns property rights.
  const confirmation = overview.confirmation
    ? { applicantPartyIds: overview.confirmation.parties.map((p) => p.id), propertyRights: true }
    : undefined;
  for (const k of overview.kinds.filter((k) => k.available && (!only || only.includes(k.kind)))) {
    const version = await w.app.ok('documents:generate', {
      caseId,
      kind: k.kind,
      ...(k.kind === 'confirmation-application' && confirmation ? { confirmation } : {}),
    });
    const file = await w.app.ok('documents:get', { versionId: version.id });
    files[k.kind] = Buffer.from(file.dataBase64, 'base64');
  }
  return files;
}

async function everyDocument(): Promise<Record<string, Buffer>> {
  await w.as('mediator');
  return {
    ...(await generateAll(cases.agreed)),
    ...(await generateAll(cases.failed, ['termination-notice'])),
    ...(await generateAll(cases.oral, ['oral-agreement'])),
  };
}

/** The three cases, recorded through the dispatcher (each test has its own app: they close after each). */
async function recordCases(): Promise<void> {
  w = await workflowWorld();
  // The committee that handles them prints its name, address and seal text.
  await w.as('admin');
  const tree = await w.app.ok('orgs:tree', {});
  const medical = tree.organisations.find((o) => o.id === ORGS.medical)!;
  await w.app.ok('orgs:save', {
    id: medical.id,
    version: medical.version,
    name: odd(medical.name, 60),
    kind: medical.kind,
    parentId: medical.parentId,
    abbreviation: medical.abbreviation,
    caseNumberPattern: medical.caseNumberPattern,
    township: medical.township ?? undefined,
    address: odd('平罗县城关镇鼓楼南街', 120),
    sealText: odd(medical.sealText ?? medical.name, 60),
    activeFrom: medical.activeFrom ?? undefined,
    activeTo: medical.activeTo ?? undefined,
    specialties: medical.specialties,
  });

  const agreement = (caseId: string) => ({
    ...richAgreement(caseId),
    facts: oddLong(richAgreement(caseId).facts),
    terms: richAgreement(caseId).terms.map((t) => oddLong(t)),
    performanceManner: odd('银行转账', 300),
    performancePlace: odd('平罗县渠口乡', 100),
  });

  // 1. Written agreement, performed, visited, closed.
  cases.agreed = await mediatingCase(w, oddCase);
  await addRecords(w, cases.agreed);
  await w.app.ok('workflow:addRecord', {
    caseId: cases.agreed,
    kind: 'mediation',
    heldAt: '2026-11-30T00:45:00.000Z',
    place: odd('平罗县人民调解中心第一调解室', 100),
    participants: odd('周文斌', 300),
    partiesPresent: odd('张志军、王建国、马玉兰', 300),
    rightsNotified: true,
    statements: oddLong('调解员：各方是否认可？'),
    result: oddLong('各方同意'),
    recorder: odd('杨帆', 40),
  });
  await w.app.ok('workflow:recordAgreement', agreement(cases.agreed));
  await w.app.ok('workflow:beginPerformance', { caseId: cases.agreed });
  await w.app.ok('workflow:recordVisit', {
    caseId: cases.agreed,
    visitedOn: '2026-11-30',
    visitor: odd('马秀英', 40),
    performanceStatus: 'performed',
    satisfaction: 'satisfied',
    escalationSigns: false,
    situation: oddLong('已履行完毕。'),
    measures: oddLong('告知当事人妥善保管凭证。'),
  });
  await w.app.ok('workflow:close', { caseId: cases.agreed, note: oddLong('协议已履行完毕。') });
  // 立卷: the archive papers (卷宗封面, 卷内目录, 备考表) are made for a filed dossier.
  await w.app.ok('dossiers:file', {
    caseId: cases.agreed,
    retention: '长期',
    title: odd('土地承包经营纠纷卷', 60),
  });

  // 2. A failed mediation: the termination notice.
  cases.failed = await mediatingCase(w, { ...oddCase, repeatReason: '另一起独立纠纷（二）' });
  await addRecords(w, cases.failed);
  await w.app.ok('workflow:terminate', {
    caseId: cases.failed,
    kind: 'failed',
    reason: oddLong('被申请人不同意'),
    terminatedOn: '2026-11-30',
  });
  await w.app.ok('workflow:informRoutes', {
    caseId: cases.failed,
    routes: ['litigation'],
    how: odd('当面告知', 100),
    toldOn: '2026-11-30',
    note: oddLong('已送达'),
  });

  // 3. An oral agreement (its 记录人 is the one named in the mediation record).
  cases.oral = await mediatingCase(w, { ...oddCase, repeatReason: '另一起独立纠纷（三）' });
  await addRecords(w, cases.oral);
  await w.app.ok('workflow:recordAgreement', {
    ...agreement(cases.oral),
    kind: 'oral',
    effectiveOn: undefined,
  });
}

describe('documents of a case whose every text field holds adversarial text', () => {
  it('as the service accepts it: every XML part parses, the text is there as typed, LibreOffice converts all', async () => {
    await recordCases();
    const files = await everyDocument();
    expect(Object.keys(files)).toHaveLength(13);
    for (const [kind, docx] of Object.entries(files)) {
      expect(xmlProblems(docx), kind).toEqual([]);
    }
    const agreementXml = xmlParts(files.agreement!).find((p) => p.name === 'word/document.xml')!.text;
    expect(agreementXml).toContain('&lt;w:t&gt;&amp;amp;]]&gt;');
    expect(agreementXml).toContain('𠀀👨‍👩‍👧‍👦');
    const pdfs = await lo.convert(files);
    for (const [kind, pdf] of Object.entries(pdfs)) expect(pdf.pages, kind).toBeGreaterThan(0);
    expect(pdfs.agreement!.text).toContain('<w:t>&amp;]]>');
  }, 240_000);

  it('past the contract (raw rows): the writer strips what XML cannot carry; every document parses and converts', async () => {
    await recordCases();
    const sql = w.app.session.requireUnlocked().store.sql;
    const poison: Record<string, string[]> = {
      cases: [
        'summary',
        'requests',
        'case_number',
        'party_names',
        'received_by_name',
        'village',
        'referring_court',
      ],
      parties: ['name', 'address', 'occupation', 'representative', 'representative_title', 'ethnicity'],
      case_parties: ['agent_name', 'agent_relation', 'agent_authority_detail'],
      case_records: ['place', 'participants', 'parties_present', 'statements', 'result', 'recorder'],
      agreements: ['number', 'facts', 'performance_manner', 'performance_place'],
      return_visits: ['visitor', 'situation', 'measures'],
      case_outcomes: ['termination_reason', 'informed_how', 'informed_note', 'close_note'],
      organisations: ['name', 'address', 'seal_text'],
      mediators: ['name'],
      users: ['display_name'],
    };
    // Row by row, each value read and written back with the poison as a parameter: on the
    // centre's PostgreSQL most of these columns are sealed, which the server cannot append to.
    let poisoned = 0;
    for (const [table, wanted] of Object.entries(poison)) {
      for (const row of sql.all<Record<string, unknown>>(`SELECT * FROM ${table}`)) {
        for (const column of wanted) {
          const value = row[column];
          if (typeof value !== 'string') continue; // NULL, or a column the table does not have
          poisoned += sql.run(
            `UPDATE ${table} SET ${column} = ? WHERE id = ?`,
            value + POISON,
            row.id,
          ).changes;
        }
      }
    }
    // The terms are a JSON array: each term gets the poison inside the JSON string.
    for (const row of sql.all<{ id: string; terms: string }>('SELECT id, terms FROM agreements')) {
      const terms = (JSON.parse(row.terms) as string[]).map((t) => `${t}${POISON}`);
      sql.run('UPDATE agreements SET terms = ? WHERE id = ?', JSON.stringify(terms), row.id);
    }
    expect(poisoned).toBeGreaterThan(40);
    const stored = sql.get<{ summary: string }>('SELECT summary FROM cases WHERE id = ?', cases.agreed)!;
    expect(stored.summary).toContain('\uFFFE');

    const files = await everyDocument();
    expect(Object.keys(files)).toHaveLength(13);
    for (const [kind, docx] of Object.entries(files)) {
      expect(xmlProblems(docx), kind).toEqual([]);
      for (const part of xmlParts(docx)) expect(HIDDEN.test(part.text), `${kind} ${part.name}`).toBe(false);
    }
    const pdfs = await lo.convert(files);
    for (const [kind, pdf] of Object.entries(pdfs)) expect(pdf.pages, kind).toBeGreaterThan(0);
    // The text around the stripped characters is still printed.
    expect(pdfs.agreement!.text).toContain('毒');
    expect(pdfs.agreement!.text).toContain('尾');
  }, 240_000);
});
