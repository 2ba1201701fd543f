import {
  partyRoleLabels,
  type DocumentAvailabilityDto,
  type DocumentsOverviewDto,
  type DocumentVersionDto,
  type PartyRole,
} from '../../contract';
import {
  checkConfirmation,
  chooseCourt,
  isCourtReferred,
  propertyRightsHint,
  confirmationDeadline,
  documentKinds,
  printableIssues,
  type DocumentCase,
  type DocumentKind,
  type DocumentKindId,
} from '../documents';
import type { LoadedCase } from './caseDocument';

// Which of the 13 forms make sense for the case now, and in plain Chinese why the others do not:
// the wrong stage, data the form needs that was not recorded, a field every form prints left
// empty, or (司法确认申请书) a reason a court would refuse it.

type StageGroup = 'intake' | 'agreement' | 'termination' | 'filing';

const stageHint: Record<StageGroup, string> = {
  intake: '案件受理后才能生成',
  agreement: '调解成功、登记调解协议后才能生成',
  termination: '调解终止后才能生成',
  filing: '结案后立卷时才能生成',
};

const groupOf: Record<DocumentKindId, StageGroup> = {
  application: 'intake',
  'intake-register': 'intake',
  'rights-notice': 'intake',
  'investigation-record': 'intake',
  'mediation-record': 'intake',
  agreement: 'agreement',
  'oral-agreement': 'agreement',
  'confirmation-application': 'agreement',
  'court-report': 'agreement',
  'termination-notice': 'termination',
  'return-visit': 'agreement',
  'dossier-cover': 'filing',
  'dossier-contents': 'filing',
  'dossier-note': 'filing',
};

/** What is missing when the stage is right but the data is not there. */
function missingData(id: DocumentKindId, c: DocumentCase): string {
  switch (id) {
    case 'application':
      return '没有申请人或申请事项，不能生成申请书';
    case 'investigation-record':
      return '尚未登记调查记录';
    case 'mediation-record':
      return '尚未登记调解记录';
    case 'agreement':
      return c.agreement?.kind === '口头'
        ? '本案为口头协议，请生成人民调解口头协议登记表'
        : '尚未登记书面调解协议';
    case 'oral-agreement':
      return c.agreement?.kind === '书面' ? '本案为书面协议，请生成人民调解协议书' : '尚未登记口头协议';
    case 'confirmation-application':
      return '口头协议不能申请司法确认：须先制作书面调解协议书';
    case 'court-report':
      return c.source === 'court_entrusted'
        ? '调解达成协议或终止调解后，向委托法院送交调解情况说明'
        : '仅法院委托（诉中）的案件须向委托法院送交调解情况说明；其他案件可申请司法确认';
    case 'termination-notice':
      return '请先登记“告知其他途径”（告知当事人可以通过仲裁、行政、诉讼等途径解决）';
    case 'return-visit':
      return '尚未登记回访情况';
    default:
      return '尚未立卷：请在案件的“卷宗”中立卷后生成';
  }
}

/** Reasons the kind cannot be generated now (empty: it can), and warnings worth showing. */
export function availabilityOf(
  kind: DocumentKind,
  loaded: LoadedCase,
  today: string,
): { reasons: string[]; warnings: string[] } {
  const c = loaded.document;
  if (loaded.stage === null) return { reasons: ['案件已作废，不能生成文书'], warnings: [] };
  if (!kind.stages.includes(c.stage)) return { reasons: [stageHint[groupOf[kind.id]]], warnings: [] };
  if (!kind.hasData(c)) return { reasons: [missingData(kind.id, c)], warnings: [] };
  const reasons: string[] = [];
  const issues = printableIssues(c, kind.staff);
  if (issues.length > 0) {
    const listed = issues.slice(0, 3).map((i) => `${i.field}${i.message}`);
    reasons.push(`请先补充：${listed.join('；')}${issues.length > 3 ? `等${issues.length}项` : ''}`);
  }
  let warnings: string[] = [];
  if (kind.id === 'confirmation-application') {
    const check = checkConfirmation(c, today);
    reasons.push(...check.refusals);
    warnings = check.warnings;
  } else if (kind.refusals) {
    reasons.push(...kind.refusals(c, today));
  }
  return { reasons, warnings };
}

/** The 文书 panel: every kind with its availability and newest version (versions newest first). */
export function documentsOverview(
  loaded: LoadedCase,
  versions: DocumentVersionDto[],
  today: string,
  /** Whether this user may generate and attach (committee scope). */
  writable: boolean,
): DocumentsOverviewDto {
  const c = loaded.document;
  const kinds: DocumentAvailabilityDto[] = documentKinds.map((kind) => {
    const { reasons, warnings } = availabilityOf(kind, loaded, today);
    const ofKind = versions.filter((v) => v.kind === kind.id);
    return {
      kind: kind.id,
      title: kind.title,
      available: reasons.length === 0,
      reasons,
      warnings,
      verified: Boolean(kind.verified),
      versionCount: ofKind.length,
      latest: ofKind[0] ?? null,
    };
  });
  // A court-entrusted case is reviewed by its court, not confirmed: no application to prepare.
  const written = c.agreement?.kind === '书面' && c.source !== 'court_entrusted';
  return {
    caseId: loaded.row.id,
    caseNumber: loaded.row.caseNumber,
    writable,
    kinds,
    confirmation: written
      ? {
          parties: loaded.document.parties.map((p) => ({
            id: p.id,
            name: p.name,
            role: partyRoleLabels[roleKey(p.role)],
          })),
          court: chooseCourt(c) ?? null,
          courtFixed: isCourtReferred(c),
          deadline: c.agreement?.effectiveDate ? confirmationDeadline(c.agreement.effectiveDate) : null,
          propertyRights: propertyRightsHint(c.disputeTypeCode),
        }
      : null,
  };
}

function roleKey(role: string): PartyRole {
  return role === '申请人' ? 'applicant' : role === '被申请人' ? 'respondent' : 'third_party';
}
