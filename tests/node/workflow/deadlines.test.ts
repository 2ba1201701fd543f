import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../main/contract';
import {
  confirmationDeadline,
  dueState,
  mediationDeadline,
  mediationLimitDays,
  visitDueOn,
} from '../../../main/core/workflow/deadlines';

describe('deadline rules', () => {
  it('gives one month by default and for court-delegated cases, 15 or 7 days for court-entrusted ones', () => {
    expect(mediationLimitDays('party_application', null, defaultSettings)).toBe(30);
    expect(mediationLimitDays('court_delegated', null, defaultSettings)).toBe(30);
    expect(mediationLimitDays('court_entrusted', 'ordinary', defaultSettings)).toBe(15);
    expect(mediationLimitDays('court_entrusted', 'summary', defaultSettings)).toBe(7);
    expect(mediationLimitDays('court_entrusted', null, defaultSettings)).toBe(15);
    expect(
      mediationLimitDays('party_application', null, { ...defaultSettings, mediationLimitDays: 45 }),
    ).toBe(45);
  });

  it('counts the mediation deadline from acceptance, unless an extension stored a later one', () => {
    const c = {
      receivedOn: '2026-11-30',
      source: 'party_application',
      courtProcedure: null,
      mediationDeadline: null,
    };
    expect(mediationDeadline(c, defaultSettings)).toBe('2026-12-30');
    expect(
      mediationDeadline({ ...c, source: 'court_entrusted', courtProcedure: 'summary' }, defaultSettings),
    ).toBe('2026-12-07');
    expect(mediationDeadline({ ...c, mediationDeadline: '2027-01-15' }, defaultSettings)).toBe('2027-01-15');
  });

  it('ends the judicial-confirmation window 30 days after the agreement takes effect (inclusive)', () => {
    expect(confirmationDeadline('2026-11-17')).toBe('2026-12-17');
    expect(confirmationDeadline('2027-02-01')).toBe('2027-03-03');
  });

  it('schedules the return visit after the performance deadline', () => {
    expect(visitDueOn('2026-12-31', defaultSettings)).toBe('2027-01-07');
  });

  it('warns at D-7 and D-3 and marks overdue the day after', () => {
    expect(dueState('2026-12-10', '2026-11-30')).toEqual({ state: 'ok', daysLeft: 10 });
    expect(dueState('2026-12-07', '2026-11-30')).toEqual({ state: 'due7', daysLeft: 7 });
    expect(dueState('2026-12-03', '2026-11-30')).toEqual({ state: 'due3', daysLeft: 3 });
    expect(dueState('2026-11-30', '2026-11-30')).toEqual({ state: 'due3', daysLeft: 0 });
    expect(dueState('2026-11-29', '2026-11-30')).toEqual({ state: 'overdue', daysLeft: -1 });
  });
});
