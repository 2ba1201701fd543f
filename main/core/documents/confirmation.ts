import { caseSourceLabels } from '../../contract';
import { addDays, daysBetween } from '../dates';
import { formatDate } from './layout/dates';
import type { DocumentCase, IsoDate } from './model';

// Whether a judicial-confirmation application may be printed, and to which court it goes.
// Civil Procedure Law (2023 revision, in force 2024-01-01, Arts. 205–206): both parties jointly,
// within 30 days of the agreement taking effect; courts refuse status relations (marriage,
// adoption, parentage) and ownership determinations (物权/知识产权确权). Day counting follows the
// CPL: the effective day itself does not count, so the window ends on effective date + 30,
// inclusive.
//
// Court-referred cases (法释〔2016〕14号, 特邀调解): a case the court delegated before filing (委派)
// is confirmed by that court; a case it entrusted after filing (委托) is not confirmed at all —
// the court reviews the agreement itself (a 调解书, or it allows the suit to be withdrawn), so the
// committee sends it a 调解情况说明 instead. Neither may silently fall back to the default court.

export const CONFIRMATION_WINDOW_DAYS = 30;
export const CONFIRMATION_WARNING_DAY = 25;
/** Used only when settings carry no default court. */
export const FALLBACK_COURT = '平罗县人民法院';

/** Cases a court sent to mediation: their papers go back to that court. */
export const isCourtReferred = (c: Pick<DocumentCase, 'source'>): boolean =>
  c.source === 'court_delegated' || c.source === 'court_entrusted';

/** Why a court-entrusted case gets no confirmation application, and what to print instead. */
export function entrustedRefusal(c: DocumentCase): string {
  const court = c.referringCourt ?? '委托法院';
  return `本案为${caseSourceLabels.court_entrusted}案件：人民法院立案后委托调解的，调解协议由${court}审查，依法出具民事调解书或者准许撤诉，不适用司法确认。请生成“调解情况说明（协议送交函）”送交${court}。`;
}

/**
 * Whether an agreement of this dispute type concerns property rights (land, a house, forest),
 * so that the proof of those rights goes with the application (法释〔2011〕5号 Art. 3): 'yes' and
 * 'no' where the type tells, 'ask' where it cannot (a contract, a family dispute with property
 * to divide, an unknown type) and the clerk is asked when the application is made.
 */
export function propertyRightsHint(disputeTypeCode: string | undefined): 'yes' | 'no' | 'ask' {
  if (!disputeTypeCode) return 'ask';
  if (PROPERTY_TYPES.has(disputeTypeCode)) return 'yes';
  if (NO_PROPERTY_TYPES.has(disputeTypeCode)) return 'no';
  return 'ask';
}

const PROPERTY_TYPES = new Set(['housing_homestead', 'land_forest', 'land_requisition', 'land_contract']);
const NO_PROPERTY_TYPES = new Set(['labour', 'medical', 'traffic', 'consumer', 'tourism', 'damages']);

/** Asked at confirmation time when the dispute type cannot tell (see propertyRightsHint). */
export const PROPERTY_RIGHTS_QUESTION =
  '请说明调解协议是否涉及财产权利（如房屋、土地、林木的权属或者使用权）：涉及的，申请书附件须列明与调解协议相关的财产权利证明';

/** The referring court is missing on a court-referred case (a row registered before it was asked for). */
export function missingCourt(c: DocumentCase): string {
  return `本案为${caseSourceLabels[c.source]}案件，但未记录委派（委托）调解的法院：请先在案件登记中补充该法院，文书不会改送默认法院。`;
}

export interface ConfirmationCheck {
  ok: boolean;
  /** Why the court would not accept it; any refusal blocks printing. */
  refusals: string[];
  /** Worth telling the clerk, but the application may go ahead. */
  warnings: string[];
  /** Last day to apply (inclusive), once the agreement has taken effect. */
  deadline?: IsoDate;
  /** Days since the agreement took effect. */
  daysElapsed?: number;
}

/** The last day (inclusive) to apply jointly: the one home of this rule (workflow/deadlines.ts re-exports it). */
export function confirmationDeadline(effectiveDate: IsoDate): IsoDate {
  return addDays(effectiveDate, CONFIRMATION_WINDOW_DAYS);
}

/**
 * The inviting court for court-referred cases (mandatory: undefined when it was not recorded,
 * never the default), else the chosen or default court.
 */
export function chooseCourt(c: DocumentCase): string | undefined {
  if (isCourtReferred(c)) return c.referringCourt;
  return c.confirmation?.courtName ?? (c.settings.defaultCourt || FALLBACK_COURT);
}

function subjectRefusals(c: DocumentCase): string[] {
  const a = c.agreement!;
  const note = a.subjectNote ? `（${a.subjectNote}）` : '';
  if (a.subjectMatter === 'status_relation') {
    return [`调解协议涉及婚姻、收养、亲子等身份关系的确认${note}，人民法院不予受理此类司法确认申请。`];
  }
  if (a.subjectMatter === 'ownership') {
    return [
      `调解协议涉及物权或者知识产权的确权${note}，如宅基地使用权、土地承包经营权的归属，人民法院不予受理此类司法确认申请。`,
    ];
  }
  return [];
}

function applicantRefusals(c: DocumentCase): string[] {
  const applicants = new Set(c.confirmation?.applicantPartyIds ?? []);
  const missing = c.parties.filter((p) => !applicants.has(p.id)).map((p) => p.name);
  if (missing.length === 0) return [];
  return [`司法确认须由全部当事人共同申请，以下当事人未列为申请人：${missing.join('、')}。`];
}

function windowCheck(c: DocumentCase, today: IsoDate, result: ConfirmationCheck): void {
  const a = c.agreement!;
  const style = c.settings.dateStyle;
  if (!a.effectiveDate || daysBetween(a.effectiveDate, today) < 0) {
    result.refusals.push(
      '调解协议尚未生效：须各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章后，方可申请司法确认。',
    );
    return;
  }
  const elapsed = daysBetween(a.effectiveDate, today);
  const deadline = confirmationDeadline(a.effectiveDate);
  result.deadline = deadline;
  result.daysElapsed = elapsed;
  const effective = formatDate(a.effectiveDate, style);
  const last = formatDate(deadline, style);
  if (elapsed > CONFIRMATION_WINDOW_DAYS) {
    result.refusals.push(
      `已超过申请期限：调解协议于${effective}生效，应当自生效之日起三十日内即${last}前（含当日）申请司法确认，现已逾期${elapsed - CONFIRMATION_WINDOW_DAYS}日。`,
    );
  } else if (elapsed >= CONFIRMATION_WARNING_DAY) {
    const left = CONFIRMATION_WINDOW_DAYS - elapsed;
    result.warnings.push(
      `申请期限即将届满：请于${last}前（含当日）向人民法院提交申请，${left === 0 ? '今天是最后一日' : `还剩${left}日`}。`,
    );
  }
}

export function checkConfirmation(c: DocumentCase, today: IsoDate): ConfirmationCheck {
  const result: ConfirmationCheck = { ok: false, refusals: [], warnings: [] };
  const a = c.agreement;
  if (!a) {
    result.refusals.push('本案没有调解协议，不能申请司法确认。');
    return result;
  }
  if (a.kind !== '书面') {
    result.refusals.push(
      '口头协议不能申请司法确认：须先制作书面调解协议书，由各方签名并加盖调解委员会印章。',
    );
  }
  if (c.source === 'court_entrusted') {
    result.refusals.push(entrustedRefusal(c));
    return result;
  }
  result.refusals.push(...subjectRefusals(c), ...applicantRefusals(c));
  if (isCourtReferred(c) && !c.referringCourt) result.refusals.push(missingCourt(c));
  if (
    isCourtReferred(c) &&
    c.referringCourt &&
    c.confirmation?.courtName &&
    c.confirmation.courtName !== c.referringCourt
  ) {
    result.warnings.push(
      `本案为${caseSourceLabels[c.source]}案件，申请书将送往${c.referringCourt}，而非所选的${c.confirmation.courtName}。`,
    );
  }
  windowCheck(c, today, result);
  result.ok = result.refusals.length === 0;
  return result;
}
