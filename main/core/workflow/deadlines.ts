import type { DueState, SettingsDto } from '../../contract';
import { addDays, daysBetween } from '../dates';
// The judicial-confirmation window is a rule of the Civil Procedure Law with one home, beside the
// admissibility checks that print it (documents/confirmation.ts).
export { CONFIRMATION_WINDOW_DAYS, confirmationDeadline } from '../documents/confirmation';

// Deadline rules (domain.md §5): one month to mediate by default; court-entrusted cases 15 days
// (ordinary procedure) or 7 (summary); judicial confirmation within 30 days of the agreement
// taking effect; return visits after the performance deadline. D-7 and D-3 warn.

export function mediationLimitDays(
  source: string,
  courtProcedure: string | null,
  settings: SettingsDto,
): number {
  if (source === 'court_entrusted') {
    return courtProcedure === 'summary'
      ? settings.courtEntrustedSummaryDays
      : settings.courtEntrustedOrdinaryDays;
  }
  return settings.mediationLimitDays;
}

/** The stored deadline (set when extended), else acceptance date + the limit. */
export function mediationDeadline(
  c: { receivedOn: string; source: string; courtProcedure: string | null; mediationDeadline: string | null },
  settings: SettingsDto,
): string {
  return (
    c.mediationDeadline ?? addDays(c.receivedOn, mediationLimitDays(c.source, c.courtProcedure, settings))
  );
}

export function visitDueOn(performanceDeadline: string, settings: SettingsDto): string {
  return addDays(performanceDeadline, settings.returnVisitDelayDays);
}

export function dueState(dueOn: string, today: string): { state: DueState; daysLeft: number } {
  const daysLeft = daysBetween(today, dueOn);
  const state: DueState = daysLeft < 0 ? 'overdue' : daysLeft <= 3 ? 'due3' : daysLeft <= 7 ? 'due7' : 'ok';
  return { state, daysLeft };
}
