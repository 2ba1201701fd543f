// Where an intake's time goes beyond the raw insert (issue 18: "what the service path does beyond
// the raw insert"). The steps createCase (main/core/cases/intake.ts) takes before and around its
// inserts, each timed alone on fresh generated cases in the same database, so the next person
// sees which one to cut:
//   - the contract's input check (zod, ID and date checks), as the dispatcher runs it;
//   - the repeat check (same ID number or credit code, same name in the township), which reads
//     every case with a party of the same name, scattered over the file;
//   - the catalogue look-ups through TypeORM (the committee and the dispute type).
// What is left (the transaction, the audit entry, history, the detail it returns) is the service
// p50 less the raw insert and these.
import type { App } from '../../main/ipc';
import { createCaseInput, onCalendarDay } from '../../main/contract';
import { findRepeats } from '../../main/core/cases/repeats';
import { actorScope } from '../../main/core/scope/actorScope';
import type { Dataset } from './dataset';
import { toInput } from './dataset';
import { summarise, type Summary } from './stats';

export interface IntakeBreakdown {
  inputCheck: Summary;
  repeatCheck: Summary;
  catalogue: Summary;
}

export async function intakeBreakdown(
  app: App,
  dataset: Dataset,
  today: string,
  committeeId: string,
  samples: number,
): Promise<IntakeBreakdown> {
  const repos = app.session.repos();
  const principals = actorScope(repos, app.session.actor!).principals;
  const inputCheck: number[] = [];
  const repeatCheck: number[] = [];
  const catalogue: number[] = [];
  for (let i = 0; i < samples; i++) {
    const input = { ...toInput(dataset.newCase(today)), committeeId };
    let t = performance.now();
    const parsed = onCalendarDay(today, () => createCaseInput.parse(input));
    inputCheck.push(performance.now() - t);
    t = performance.now();
    await findRepeats(repos, principals, today, {
      township: parsed.township,
      parties: parsed.parties.map((p) => ({
        name: p.name,
        idNumber: p.kind === 'person' && p.idType === 'resident_id' ? p.idNumber : undefined,
        creditCode: p.kind === 'organisation' ? p.creditCode : undefined,
      })),
    });
    repeatCheck.push(performance.now() - t);
    t = performance.now();
    await repos.catalog.organisation(committeeId);
    await repos.catalog.disputeType(parsed.disputeType);
    catalogue.push(performance.now() - t);
  }
  return {
    inputCheck: summarise(inputCheck),
    repeatCheck: summarise(repeatCheck),
    catalogue: summarise(catalogue),
  };
}
