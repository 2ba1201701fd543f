import { afterEach, describe, expect, it } from 'vitest';
import { migrations, openStore } from '../../../../db';
import { removeTempDirs } from '../../../helpers/tempDir';
import { tempStore } from '../../../helpers/store';

afterEach(removeTempDirs);

describe('migration 0017: the court’s answer to a judicial-confirmation application', () => {
  it('keeps existing agreements as they were, with no answer recorded, and can store one', async () => {
    const before = migrations.slice(
      0,
      migrations.findIndex((m) => /0017$/.test(new m().name)),
    );
    const { store, file, key } = await tempStore({ migrations: before });
    // Only the agreement row matters here, not its case.
    store.sql.raw.pragma('foreign_keys = OFF');
    store.sql.run(
      `INSERT INTO agreements (id, origin_office_id, created_at, updated_at, case_id, kind, number, facts, terms,
         performance_manner, performance_place, performance_deadline, amount_fen, reached_on, effective_on, subject_matter)
       VALUES ('a1', 'o', 't', 't', 'c1', 'written', '（2026）平调字第0001号', '事实', '["条款"]', '现金', '调委会',
         '2026-12-10', 800000, '2026-11-30', '2026-11-30', 'ordinary')`,
    );
    await store.close();

    const migrated = await openStore({ file, key, create: false, migrations });
    expect(
      migrated.sql.get(
        `SELECT number, amount_fen AS amountFen, confirmation_court AS court, confirmation_outcome AS outcome,
                confirmation_ruled_on AS ruledOn, confirmation_ruling_number AS rulingNumber FROM agreements`,
      ),
    ).toEqual({
      number: '（2026）平调字第0001号',
      amountFen: 800000,
      court: null,
      outcome: null,
      ruledOn: null,
      rulingNumber: null,
    });
    migrated.sql.run(
      `UPDATE agreements SET confirmation_court = '平罗县人民法院', confirmation_outcome = 'confirmed',
         confirmation_ruled_on = '2026-12-05', confirmation_ruling_number = '（2026）宁0221民特12号'`,
    );
    expect(migrated.sql.get(`SELECT confirmation_outcome AS o FROM agreements`)).toEqual({ o: 'confirmed' });
    await migrated.close();
  });
});
