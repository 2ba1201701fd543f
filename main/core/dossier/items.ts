import type {
  AttachmentRow,
  DocumentScanRow,
  DocumentVersionRow,
  DossierPaperRow,
  OutcomeRow,
} from '../../../db';
import type { DossierCaseKind, DossierItemKey } from '../../contract';
import { documentKind, type DocumentCase, type DocumentKindId, type IsoDate } from '../documents';

// What a case file holds, item by item in the provincial binding order (domain.md §3), taken from
// what the case already has: forms the desk prints from its records (or the signed scan of a
// printed version, which then stands for it), paper scanned in for the file, evidence uploaded
// while mediating. What is mandatory depends on how the case ended.

export interface ItemSpec {
  key: DossierItemKey;
  title: string;
  /** The form the desk prints for this item. */
  form?: DocumentKindId;
  /** Paper the archivist may scan in here. */
  paper: boolean;
  /** Applies to this kind of case at all. */
  applies(kind: DossierCaseKind, c: DocumentCase): boolean;
  mandatory(kind: DossierCaseKind, c: DocumentCase): boolean;
  /** What to do when it is missing. */
  fix: string;
}

const agreed = (k: DossierCaseKind) => k === 'written' || k === 'oral';
const mediated = (k: DossierCaseKind) => k !== 'refused';
const always = () => true;
const never = () => false;

export const itemSpecs: readonly ItemSpec[] = [
  {
    key: 'application',
    title: '人民调解申请书',
    form: 'application',
    paper: true,
    applies: (_k, c) => c.source === 'party_application',
    mandatory: never,
    fix: '',
  },
  {
    key: 'intake-register',
    title: '人民调解受理登记表',
    form: 'intake-register',
    paper: true,
    applies: always,
    mandatory: always,
    fix: '请在案件中补全受理登记信息后重新立卷',
  },
  {
    key: 'rights-notice',
    title: '当事人权利义务告知书',
    form: 'rights-notice',
    paper: true,
    applies: always,
    mandatory: (k) => mediated(k),
    fix: '请在文书中生成并由当事人签收后上传',
  },
  {
    key: 'id-proofs',
    title: '当事人身份证明',
    paper: true,
    applies: always,
    mandatory: always,
    fix: '请扫描各方当事人的身份证复印件或营业执照复印件，在本页“补充扫描件”中上传',
  },
  {
    key: 'powers-of-attorney',
    title: '授权委托书',
    paper: true,
    applies: (_k, c) => c.parties.some((p) => p.agents.length > 0),
    mandatory: (_k, c) => c.parties.some((p) => p.agents.length > 0),
    fix: '本案有委托代理人，请扫描其授权委托书，在本页“补充扫描件”中上传',
  },
  {
    key: 'investigation-records',
    title: '人民调解调查记录',
    form: 'investigation-record',
    paper: false,
    applies: (_k, c) => c.investigations.length > 0,
    mandatory: never,
    fix: '',
  },
  { key: 'evidence', title: '证据材料', paper: true, applies: always, mandatory: never, fix: '' },
  {
    key: 'mediation-records',
    title: '人民调解记录',
    form: 'mediation-record',
    paper: false,
    applies: (k, c) => mediated(k) || c.mediations.length > 0,
    mandatory: (k) => mediated(k),
    fix: '请在办理进程中登记调解记录',
  },
  {
    key: 'agreement',
    title: '人民调解协议书',
    form: 'agreement',
    paper: true,
    applies: (k) => k === 'written',
    mandatory: (k) => k === 'written',
    fix: '缺少人民调解协议书签字扫描件：请在文书中上传当事人签字、盖章后的协议书扫描件，或在本页“补充扫描件”中上传',
  },
  {
    key: 'oral-agreement',
    title: '人民调解口头协议登记表',
    form: 'oral-agreement',
    paper: true,
    applies: (k) => k === 'oral',
    mandatory: (k) => k === 'oral',
    fix: '请在办理进程中登记口头协议',
  },
  {
    key: 'termination-notice',
    title: '调解终止告知书',
    form: 'termination-notice',
    paper: true,
    applies: (k) => !agreed(k),
    mandatory: (k) => !agreed(k),
    fix: '请在办理进程中登记“告知其他途径”',
  },
  { key: 'receipts', title: '履行凭证', paper: true, applies: (k) => agreed(k), mandatory: never, fix: '' },
  {
    key: 'return-visits',
    title: '人民调解回访记录',
    form: 'return-visit',
    paper: false,
    applies: (k) => agreed(k),
    mandatory: never,
    fix: '',
  },
  {
    key: 'confirmation-papers',
    title: '司法确认材料',
    paper: true,
    applies: (k) => k === 'written',
    mandatory: never,
    fix: '',
  },
  { key: 'file-note', title: '卷内备注材料', paper: true, applies: always, mandatory: never, fix: '' },
];

/** How the case ended, for the completeness rules; null while it is not closed. */
export function caseKindOf(c: DocumentCase, outcome: OutcomeRow | undefined): DossierCaseKind | null {
  if (c.agreement) return c.agreement.kind === '书面' ? 'written' : 'oral';
  if (outcome?.terminationKind === 'refused') return 'refused';
  if (outcome?.terminatedOn) return 'failed';
  return null;
}

export interface ItemSources {
  c: DocumentCase;
  kind: DossierCaseKind;
  /** Latest generated version per form kind. */
  latest: Map<string, DocumentVersionRow>;
  /** Signed scans, by version id. */
  scans: DocumentScanRow[];
  papers: DossierPaperRow[];
  attachments: AttachmentRow[];
}

export type ItemContent =
  | { kind: 'form'; form: DocumentKindId }
  | { kind: 'signed'; scans: DocumentScanRow[]; papers: DossierPaperRow[] }
  | { kind: 'papers'; papers: DossierPaperRow[]; attachments: AttachmentRow[] };

export interface ItemState {
  spec: ItemSpec;
  status: 'present' | 'missing' | 'notApplicable';
  mandatory: boolean;
  content: ItemContent | null;
  source: string;
  problem: string | null;
  date: IsoDate | null;
}

function dateOf(key: DossierItemKey, c: DocumentCase): IsoDate | null {
  switch (key) {
    case 'application':
    case 'intake-register':
    case 'rights-notice':
    case 'id-proofs':
    case 'powers-of-attorney':
      return c.receivedDate;
    case 'investigation-records':
      return c.investigations[0]?.time.slice(0, 10) ?? null;
    case 'mediation-records':
      return c.mediations[0]?.startTime.slice(0, 10) ?? null;
    case 'agreement':
    case 'oral-agreement':
      return c.agreement?.reachedDate ?? null;
    case 'termination-notice':
      return c.termination?.date ?? null;
    case 'return-visits':
      return c.returnVisits[0]?.date ?? null;
    default:
      return null;
  }
}

/** Every item of the file with its status; forms print from the case's data when it holds it. */
export function itemStates(s: ItemSources): ItemState[] {
  return itemSpecs.map((spec): ItemState => {
    const applies = spec.applies(s.kind, s.c);
    const mandatory = applies && spec.mandatory(s.kind, s.c);
    const papers = s.papers.filter((p) => p.item === spec.key);
    const date = dateOf(spec.key, s.c);
    const base = { spec, mandatory, date };
    if (spec.form) {
      const version = s.latest.get(spec.form);
      const signed = version ? s.scans.filter((x) => x.versionId === version.id) : [];
      if (signed.length || papers.length) {
        const count = signed.length + papers.length;
        return {
          ...base,
          status: 'present',
          content: { kind: 'signed', scans: signed, papers },
          source: `签字扫描件${count}份`,
          problem: null,
        };
      }
      const kind = documentKind(spec.form);
      // The agreement counts only once it is signed: the printed form alone proves nothing.
      const needsSignature = spec.key === 'agreement';
      if (applies && kind.hasData(s.c) && !needsSignature) {
        return {
          ...base,
          status: 'present',
          content: { kind: 'form', form: spec.form },
          source: '系统生成',
          problem: null,
        };
      }
      if (mandatory) {
        return {
          ...base,
          status: 'missing',
          content: null,
          source: '无',
          problem: spec.key === 'agreement' ? spec.fix : `缺少${spec.title}：${spec.fix}`,
        };
      }
      return { ...base, status: 'notApplicable', content: null, source: '无', problem: null };
    }
    const attachments = spec.key === 'evidence' ? s.attachments : [];
    if (papers.length || attachments.length) {
      const count = papers.length + attachments.length;
      return {
        ...base,
        status: 'present',
        content: { kind: 'papers', papers, attachments },
        source: `扫描件${count}份`,
        problem: null,
      };
    }
    if (mandatory)
      return {
        ...base,
        status: 'missing',
        content: null,
        source: '无',
        problem: `缺少${spec.title}：${spec.fix}`,
      };
    return { ...base, status: 'notApplicable', content: null, source: '无', problem: null };
  });
}
