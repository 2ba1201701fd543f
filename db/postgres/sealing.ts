import { seal, token, type SealingKeys } from './sealed';

// Writes reach the centre's server sealed without the repositories knowing (issue 17). The
// repositories write rows with two shapes of statement — INSERT INTO t (a, b, …) VALUES (?, ?, …)
// and UPDATE t SET a = ?, b = ?, … WHERE … — so the column each parameter goes to can be read off
// the statement. Parameters bound for a sealed column are sealed; a column the server compares
// (a name, an ID number) also gets its keyed token written beside it, in the same statement.
// Anything else that names a sealed column compares bytes with text on the server and fails
// loudly — such a statement needs its PostgreSQL form in db/, never a quiet plaintext.

/** Which columns are sealed, and which tokens each sealed column feeds (table → column → tokens). */
export interface SealingPlanSource {
  sealed: ReadonlyMap<string, ReadonlySet<string>>;
  /** token column → how it is made from which sealed column. */
  tokens: ReadonlyMap<string, readonly TokenColumn[]>;
}

export interface TokenColumn {
  /** The sealed column whose value it is the token of. */
  from: string;
  /** The token column. */
  column: string;
}

interface Plan {
  text: string;
  /** Parameter positions (0-based) to seal. */
  seal: number[];
  /** Tokens to add, made from these parameter positions. */
  tokens: number[];
  /** Where the tokens' parameters go in the list: after the VALUES list's or the SET list's. */
  tokensAt: number;
}

const INSERT = /^\s*INSERT\s+INTO\s+([a-z_]+)\s*\(([^)]*)\)\s*VALUES\s*\(([^)]*)\)/i;
const UPDATE = /^\s*UPDATE\s+([a-z_]+)\s+SET\s+([\s\S]*?)\s+WHERE\s/i;

export class Sealing {
  private readonly plans = new Map<string, Plan | null>();

  constructor(
    private readonly source: SealingPlanSource,
    private readonly keys: SealingKeys,
  ) {}

  /** The statement and parameters as the server must get them. */
  apply(text: string, params: readonly unknown[]): { text: string; params: unknown[] } {
    let plan = this.plans.get(text);
    if (plan === undefined) {
      plan = this.planOf(text);
      this.plans.set(text, plan);
    }
    if (!plan) return { text, params: [...params] };
    const out = [...params];
    const tokens = plan.tokens.map((at) => this.tokenOf(params[at]));
    for (const i of plan.seal) out[i] = this.sealed(params[i]);
    out.splice(plan.tokensAt, 0, ...tokens);
    return { text: plan.text, params: out };
  }

  private sealed(value: unknown): Buffer | null {
    if (value === null || value === undefined) return null;
    return seal(this.keys, Buffer.isBuffer(value) ? value : textOf(value));
  }

  private tokenOf(value: unknown): Buffer | null {
    if (value === null || value === undefined) return null;
    return token(this.keys, textOf(value));
  }

  private planOf(text: string): Plan | null {
    const insert = INSERT.exec(text);
    if (insert) return this.insertPlan(text, insert);
    const update = UPDATE.exec(text);
    if (update) return this.updatePlan(text, update);
    return null;
  }

  private insertPlan(text: string, m: RegExpExecArray): Plan | null {
    const table = m[1]!.toLowerCase();
    const sealed = this.source.sealed.get(table);
    if (!sealed) return null;
    const columns = m[2]!.split(',').map((c) => c.trim().toLowerCase());
    const values = topLevel(m[3]!);
    if (values.length !== columns.length) return null;
    // Which parameter each value is: the count of ? before it.
    let n = 0;
    const paramOf = values.map((v) => (v.trim() === '?' ? n++ : ((n += count(v)), -1)));
    const plan: Plan = { text, seal: [], tokens: [], tokensAt: n };
    const added: string[] = [];
    columns.forEach((column, i) => {
      if (!sealed.has(column) || values[i]!.trim().toUpperCase() === 'NULL') return;
      const at = paramOf[i]!;
      if (at < 0) throw new Error(`${table}.${column} is sealed: it must be written as a parameter`);
      plan.seal.push(at);
      for (const t of this.source.tokens.get(table) ?? []) {
        if (t.from !== column) continue;
        plan.tokens.push(at);
        added.push(t.column);
      }
    });
    if (!plan.seal.length) return null;
    const end = m.index + m[0].length;
    plan.text =
      text.slice(0, m.index) +
      m[0]
        .replace(`(${m[2]!})`, `(${m[2]!}${added.map((c) => `, ${c}`).join('')})`)
        .replace(/\)\s*$/, `${added.map(() => ', ?').join('')})`) +
      text.slice(end);
    return plan;
  }

  private updatePlan(text: string, m: RegExpExecArray): Plan | null {
    const table = m[1]!.toLowerCase();
    const sealed = this.source.sealed.get(table);
    if (!sealed) return null;
    const plan: Plan = { text, seal: [], tokens: [], tokensAt: 0 };
    const added: string[] = [];
    let n = 0;
    for (const assignment of topLevel(m[2]!)) {
      const [column, value] = assignment.split(/=(.*)/s).map((s) => s.trim().toLowerCase());
      const isParam = value === '?';
      if (column && sealed.has(column)) {
        if (!isParam) throw new Error(`${table}.${column} is sealed: it must be set from a parameter`);
        plan.seal.push(n);
        for (const t of this.source.tokens.get(table) ?? []) {
          if (t.from !== column) continue;
          plan.tokens.push(n);
          added.push(t.column);
        }
      }
      n += count(value ?? '');
    }
    if (!plan.seal.length) return null;
    // The token assignments go at the end of the SET list, their parameters after the SET list's.
    plan.tokensAt = n;
    const setEnd = m.index + m[0].length - m[0].match(/\s+WHERE\s$/i)![0].length;
    plan.text = text.slice(0, setEnd) + added.map((c) => `, ${c} = ?`).join('') + text.slice(setEnd);
    return plan;
  }
}

/** A parameter bound for a sealed column: text, or a number written as SQLite would store it as text. */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return value.toString();
  throw new Error(`a sealed column takes text or bytes, not ${typeof value}`);
}

/** Splits a list at its top-level commas (not inside parentheses or quotes). */
function topLevel(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const ch = list[i]!;
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(list.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(list.slice(start));
  return parts;
}

/** How many `?` parameters a piece of SQL holds (outside quotes). */
function count(sql: string): number {
  let n = 0;
  let quote: string | null = null;
  for (const ch of sql) {
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '?') n++;
  }
  return n;
}
