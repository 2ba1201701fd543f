import type { RefusalInput } from '../../../main/contract';
import type { CaseFormValues } from './intakeValues';

/** What the intake form already knows, so a refusal recorded mid-intake is not typed twice. */
export function refusalPrefill(v: CaseFormValues): Partial<RefusalInput> {
  const named = (role: string) => v.parties?.find((p) => p.role === role && p.name?.trim());
  const applicant = named('applicant');
  const other = named('respondent');
  const prefill: Partial<RefusalInput> = {};
  if (applicant?.name) prefill.applicantName = applicant.name;
  if (applicant?.phone) prefill.applicantPhone = applicant.phone;
  if (other?.name) prefill.otherPartyName = other.name;
  if (v.township) prefill.township = v.township;
  if (v.disputeType) prefill.disputeType = v.disputeType;
  if (v.summary) prefill.summary = v.summary;
  return prefill;
}
