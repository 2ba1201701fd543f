import { describe, expect, it } from 'vitest';
import { caseStatuses, legalActions, type CaseStatus, type WorkflowAction } from '../../../main/contract';

// The workflow table, written out once more by hand: a change to the state machine must be a
// change to this test too.
const expected: Record<CaseStatus, WorkflowAction[]> = {
  accepted: ['dispatch', 'escalate', 'referOut', 'void'],
  dispatched: ['accept', 'return', 'transfer', 'escalate', 'referOut', 'void'],
  mediating: ['transfer', 'escalate', 'referOut', 'recordAgreement', 'terminate'],
  succeeded: ['beginPerformance', 'recordVisit'],
  performing: ['recordVisit'],
  visited: ['recordVisit', 'close'],
  closed: [],
  terminated: ['informRoutes'],
  informed: ['close'],
  transferred: [],
  voided: [],
  // Archiving and re-opening belong to the dossier (main/core/dossier), not to the workflow actions.
  archived: [],
};

describe('the case state machine', () => {
  it.each(caseStatuses.map((s) => [s]))('offers exactly the legal actions from %s', (status) => {
    expect(legalActions(status).sort()).toEqual([...expected[status]].sort());
  });

  it('lets no path reach 已结案 from 调解终止 without 告知其他途径', () => {
    expect(legalActions('terminated')).not.toContain('close');
    expect(legalActions('informed')).toContain('close');
  });
});
