import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { infoSetNames, infoSets, type InfoSetRecord } from '../../../main/contract/province/infoSets';
import {
  casePage,
  mediatorRecords,
  organisationRecords,
  screeningRecords,
} from '../../../main/core/reporting/records';
import { compileCheck } from '../../../main/core/reporting/schemaCheck';
import { provinceWorld } from './world';

type Json = Record<string, unknown> | unknown[];

const LENGTHS = [0, 1, 9, 10, 11, 12, 17, 18, 19, 20, 21, 39, 40, 41, 60, 61, 100, 101, 200, 201, 500, 501];
const LONG = [2000, 2001, 4000, 4001];
const oddValues: unknown[] = [
  undefined,
  null,
  true,
  0,
  -1,
  1.5,
  2 ** 60,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  {},
  [],
  [{}],
  'not-a-uuid',
  '2026-02-30',
  '2026-1-1',
  '2026-11-30T08:00:00Z',
  '2026-11-30T08:00:00.000Z\n',
  '640221104000',
  '64022110400',
  '1',
  '04',
  '111',
  'success',
  'written',
  ' ',
  '0f8fad5b-d9cb-469f-a165-70867728950e',
  '0F8FAD5B-D9CB-469F-A165-70867728950E',
  ...[...LENGTHS, ...LONG].map((n) => 'a'.repeat(n)),
  ...LENGTHS.map((n) => '𠀀'.repeat(n)),
  ...LENGTHS.map((n) => `a${'𠀀'.repeat(Math.max(n - 1, 0))}\ud800`),
  '\udc00\ud800',
];

/** Every path to a value inside a record (objects and arrays included). */
function paths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [at];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...at, i])));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...at, k]));
  return out;
}

function setAt(record: unknown, path: (string | number)[], value: unknown, remove = false): unknown {
  const copy = structuredClone(record) as Json;
  let node = copy;
  for (const key of path.slice(0, -1)) node = (node as Record<string, Json>)[key]!;
  const last = path.at(-1)!;
  if (remove) delete (node as Record<string | number, unknown>)[last];
  else (node as Record<string | number, unknown>)[last] = value;
  return copy;
}

describe('the precompiled record check', () => {
  it('accepts and refuses exactly what the zod schema does, on many broken records', async () => {
    const w = await provinceWorld(12);
    const repos = w.app.session.repos();
    const scope = w.scope();
    const orgs = [...scope.organisations];
    const cases = casePage(repos, scope.principals, '', 100).records;
    const samples: Record<string, InfoSetRecord[]> = {
      organisations: organisationRecords(repos, orgs).slice(0, 2),
      mediators: mediatorRecords(repos, orgs)
        .filter((m) => m.trainings.length)
        .slice(0, 1),
      screenings: screeningRecords(repos, orgs).slice(0, 1),
      // One of each shape: an agreement with a ruling, an archive, a termination, visits.
      cases: [
        cases.find((c) => c.judicialConfirmationResult)!,
        cases.find((c) => c.archive)!,
        cases.find((c) => c.terminatedOn)!,
        cases.find((c) => c.visits.length)!,
      ],
    };
    let compared = 0;
    let refused = 0;
    for (const set of infoSetNames) {
      const schema = infoSets[set].schema as z.ZodType;
      const check = compileCheck(schema);
      expect(samples[set]!.length, set).toBeGreaterThan(0);
      for (const record of samples[set]!) {
        expect(check(record), set).toBe(true);
        const variants: unknown[] = [null, [], 'x', structuredClone(record)];
        for (const path of paths(record)) {
          for (const value of oddValues) variants.push(setAt(record, path, value));
          if (path.length) variants.push(setAt(record, path, undefined, true));
          const target = path.reduce<unknown>((n, k) => (n as Record<string | number, unknown>)[k], record);
          if (target && typeof target === 'object' && !Array.isArray(target))
            variants.push(setAt(record, [...path, 'extra'], 'x'));
        }
        for (const variant of variants) {
          const zod = schema.safeParse(variant).success;
          expect(check(variant), `${set} ${JSON.stringify(variant)?.slice(0, 300)}`).toBe(zod);
          compared += 1;
          if (!zod) refused += 1;
        }
      }
    }
    expect(compared).toBeGreaterThan(20_000);
    expect(refused).toBeGreaterThan(compared / 2);
  });

  it('refuses to compile what it does not understand', async () => {
    const { z: zod } = await import('zod');
    expect(() => compileCheck(zod.object({ a: zod.string() }))).toThrow(/non-strict object/);
    expect(() => compileCheck(zod.strictObject({ a: zod.email() }))).toThrow(/not supported/);
    expect(() => compileCheck(zod.strictObject({ a: zod.string().refine((v) => v !== 'x') }))).toThrow(
      /not supported/,
    );
  });
});
