import type { CaseRow, OrganisationRow } from '../../../db';
import type { ServiceContext } from '../context';
import { today } from '../dates';
import { formatCaseNumber } from '../cases/caseNumber';
import { namesOf } from '../cases/view';
import { rewriteSearchRow } from '../cases/searchRow';

// A case the centre registered and dispatched is filed by the committee that handles it, under a
// number in that committee's own sequence (（2026）平渠人调字第0001号), given when it accepts the
// case and kept next to the intake number. The agreement and the file documents carry it; the
// intake documents keep the intake number. A case the registering committee handles itself needs
// none: its intake number is its file number.

/**
 * Gives the accepting committee's number to a case registered elsewhere (or keeps the one this
 * committee already gave it); clears it when the registering committee takes the case back.
 * Returns the number given now, or null when none was.
 */
export async function assignHandlingNumber(
  ctx: ServiceContext,
  c: CaseRow,
  org: OrganisationRow,
): Promise<string | null> {
  const now = ctx.clock.now().toISOString();
  const current = ctx.repos.workflow.caseWorkflowColumns(c.id)?.handlingNumber ?? null;
  if (org.id === c.committeeId) {
    if (current) ctx.repos.workflow.setCaseState(c.id, { handlingNumber: null }, now);
    return null;
  }
  if (current && ctx.repos.caseNumbers.committeeOf(current) === org.id) return null;
  const year = Number(today(ctx.clock).slice(0, 4));
  const seq = ctx.repos.caseNumbers.next(org.id, year);
  const handlingNumber = formatCaseNumber(org.caseNumberPattern, { year, abbr: org.abbreviation, seq });
  ctx.repos.caseNumbers.issue({
    caseNumber: handlingNumber,
    committeeId: org.id,
    year,
    seq,
    caseId: c.id,
    at: now,
    kind: 'handling',
  });
  ctx.repos.workflow.setCaseState(c.id, { handlingNumber }, now);
  // The committee's clerks find the case by their own number too.
  rewriteSearchRow(ctx.repos, c.id, namesOf(ctx.repos).disputeTypes);
  return handlingNumber;
}
