import { checkConfirmation, missingCourt } from './confirmation';
import type { CaseStage, DocumentCase, IsoDate } from './model';
import { NO_STAFF, WITH_RECORDER, type StaffNeeds } from './printable';
import {
  AGREEMENT_TITLE,
  APPLICATION_TITLE,
  CONFIRMATION_TITLE,
  CONTENTS_TITLE,
  COURT_REPORT_TITLE,
  COVER_TITLE,
  INTAKE_TITLE,
  INVESTIGATION_TITLE,
  MEDIATION_RECORD_TITLE,
  NOTE_TITLE,
  ORAL_TITLE,
  RETURN_VISIT_TITLE,
  RIGHTS_TITLE,
  TERMINATION_TITLE,
} from './titles';

// The documents the app can print, in the order they are bound into the file (卷内目录 order).
// What each needs and when it is offered; the generators are in ./generators/index.ts, by kind,
// loaded with the first document printed.
// A kind is offered when the case is in one of its stages AND holds the data it needs; the
// workflow module maps its own states onto CaseStage.

export type DocumentKindId =
  | 'application'
  | 'intake-register'
  | 'rights-notice'
  | 'investigation-record'
  | 'mediation-record'
  | 'agreement'
  | 'oral-agreement'
  | 'confirmation-application'
  | 'court-report'
  | 'termination-notice'
  | 'return-visit'
  | 'dossier-cover'
  | 'dossier-contents'
  | 'dossier-note';

export interface DocumentKind {
  id: DocumentKindId;
  title: string;
  stages: readonly CaseStage[];
  /** Data the document needs beyond the stage. */
  hasData: (c: DocumentCase) => boolean;
  /** Carries a verification QR code and short code. */
  verified?: boolean;
  /** Reasons the document must not be produced at all on this date (e.g. a court would refuse). */
  refusals?: (c: DocumentCase, today: IsoDate) => string[];
  /** Whether it needs the mediators and the recorder (default: the mediators only). */
  staff?: StaffNeeds;
}

const AFTER_INTAKE: CaseStage[] = ['registered', 'mediating', 'agreed', 'terminated', 'closed', 'archived'];
const AFTER_AGREEMENT: CaseStage[] = ['agreed', 'closed', 'archived'];
const FILING: CaseStage[] = ['closed', 'archived'];
const always = (): boolean => true;

export const documentKinds: readonly DocumentKind[] = [
  {
    id: 'application',
    title: APPLICATION_TITLE,
    staff: NO_STAFF,
    stages: ['applied', ...AFTER_INTAKE],
    hasData: (c) => c.parties.some((p) => p.role === '申请人') && c.requests.length > 0,
  },
  {
    id: 'intake-register',
    title: INTAKE_TITLE,
    staff: NO_STAFF,
    stages: AFTER_INTAKE,
    hasData: always,
  },
  {
    id: 'rights-notice',
    title: RIGHTS_TITLE,
    staff: NO_STAFF,
    stages: AFTER_INTAKE,
    hasData: always,
  },
  {
    id: 'investigation-record',
    title: INVESTIGATION_TITLE,
    stages: AFTER_INTAKE,
    hasData: (c) => c.investigations.length > 0,
  },
  {
    id: 'mediation-record',
    title: MEDIATION_RECORD_TITLE,
    staff: WITH_RECORDER,
    stages: AFTER_INTAKE,
    hasData: (c) => c.mediations.length > 0,
  },
  {
    id: 'agreement',
    title: AGREEMENT_TITLE,
    staff: WITH_RECORDER,
    stages: AFTER_AGREEMENT,
    hasData: (c) => c.agreement?.kind === '书面',
    verified: true,
  },
  {
    id: 'oral-agreement',
    title: ORAL_TITLE,
    staff: WITH_RECORDER,
    stages: AFTER_AGREEMENT,
    hasData: (c) => c.agreement?.kind === '口头',
  },
  {
    id: 'confirmation-application',
    title: CONFIRMATION_TITLE,
    stages: AFTER_AGREEMENT,
    hasData: (c) => c.agreement?.kind === '书面',
    refusals: (c, today) => checkConfirmation(c, today).refusals,
  },
  {
    // Court-entrusted cases instead of a confirmation application: the report to the court.
    id: 'court-report',
    title: `${COURT_REPORT_TITLE}（协议送交函）`,
    stages: [...AFTER_AGREEMENT, 'terminated'],
    hasData: (c) => c.source === 'court_entrusted' && Boolean(c.agreement ?? c.termination),
    refusals: (c) => (c.referringCourt ? [] : [missingCourt(c)]),
  },
  {
    id: 'termination-notice',
    title: `${TERMINATION_TITLE}（告知其他途径）`,
    stages: ['terminated', ...FILING],
    hasData: (c) => Boolean(c.termination?.routesTold.length),
  },
  {
    id: 'return-visit',
    title: RETURN_VISIT_TITLE,
    stages: AFTER_AGREEMENT,
    hasData: (c) => c.returnVisits.length > 0,
  },
  {
    id: 'dossier-cover',
    title: COVER_TITLE,
    stages: FILING,
    hasData: (c) => Boolean(c.dossier),
  },
  {
    id: 'dossier-contents',
    title: CONTENTS_TITLE,
    stages: FILING,
    hasData: (c) => Boolean(c.dossier),
  },
  {
    id: 'dossier-note',
    title: NOTE_TITLE,
    stages: FILING,
    hasData: (c) => Boolean(c.dossier),
  },
];

export function documentKind(id: DocumentKindId): DocumentKind {
  const kind = documentKinds.find((k) => k.id === id);
  if (!kind) throw new Error(`未知的文书类型：${id}`);
  return kind;
}

/** What the case screen offers to print right now. */
export function availableDocuments(c: DocumentCase): DocumentKind[] {
  return documentKinds.filter((k) => k.stages.includes(c.stage) && k.hasData(c));
}
