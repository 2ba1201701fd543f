import type { client } from './build';

type Call = ReturnType<typeof client>;

/**
 * The numbers of `n` cases the signed-in user can see, spread evenly over their case list: a clerk
 * looks up a number of their own. Numbers drawn from every stored case are mostly out of a
 * committee's scope, and the search then measures a miss (the runs before 2026-12-07: "avg 0 hits").
 */
export async function caseNumbersInScope(ok: Call, n: number): Promise<string[]> {
  const total = (await ok('cases:list', { pageSize: 1 })).total;
  const count = Math.min(n, total);
  const numbers: string[] = [];
  for (let k = 0; k < count; k++) {
    const page = 1 + Math.floor((k * total) / count);
    numbers.push((await ok('cases:list', { page, pageSize: 1 })).items[0]!.caseNumber);
  }
  return numbers;
}
