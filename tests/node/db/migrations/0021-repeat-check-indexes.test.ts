import { afterEach, describe, expect, it } from 'vitest';
import { handleOf, repositories } from '../../../../db';
import { removeTempDirs } from '../../../helpers/tempDir';
import { storeBefore } from '../../../helpers/store';

afterEach(removeTempDirs);

const columnsOf = (store: { sql: { raw: { pragma: (s: string) => unknown } } }, index: string) =>
  (store.sql.raw.pragma(`index_info(${index})`) as { name: string }[]).map((c) => c.name);

describe('migration 0021: the repeat check reads its way through indexes', () => {
  it('widens two indexes and adds a third; the same-name check then reads no party or link row', async () => {
    const { store, migrate } = await storeBefore(21);
    expect(columnsOf(store, 'ix_parties_name')).toEqual(['name']);
    expect(columnsOf(store, 'ix_case_parties_party')).toEqual(['party_id']);
    const migrated = await migrate();
    expect(columnsOf(migrated, 'ix_parties_name')).toEqual(['name', 'id']);
    expect(columnsOf(migrated, 'ix_case_parties_party')).toEqual(['party_id', 'case_id', 'deleted_at']);
    expect(columnsOf(migrated, 'ix_cases_id_place')).toEqual(['id', 'township', 'deleted_at']);

    // The plan of the check as intake runs it: each step answered from an index.
    const plans: string[] = [];
    const sql = migrated.sql;
    const all = sql.all.bind(sql);
    sql.all = (text: string, ...params: unknown[]) => {
      if (text.includes('matchedName'))
        plans.push(
          ...(sql.raw.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...params) as { detail: string }[]).map(
            (r) => r.detail,
          ),
        );
      return all(text, ...params);
    };
    repositories(handleOf(migrated)).cases.casesByNamesInTownship('城关镇', ['马玉兰', '张伟'], ['org-1']);
    expect(plans.join('\n')).toContain('COVERING INDEX ix_parties_name');
    expect(plans.join('\n')).toContain('COVERING INDEX ix_case_parties_party');
    expect(plans.join('\n')).toContain('ix_cases_id_place (id=? AND township=?');
    await migrated.close();
  });
});
