import { seal, token, type SealingKeys } from './sealed';

// Personal data reaches the centre's server sealed without the repositories knowing (issue 17).
// - Writes: the repositories write rows with two shapes of statement — INSERT INTO t (a, b, …)
//   VALUES (?, ?, …) and UPDATE t SET a = ?, b = ?, … WHERE … — so the column each parameter goes
//   to can be read off the statement. Parameters bound for a sealed column are sealed; a column
//   the server compares (a name, an ID number) also gets its keyed token written beside it.
// - Comparisons: `alias.column = ?` and `alias.column IN (?, …)` on such a column (the alias
//   found in the statement's FROM and JOINs) compare its token with the parameters' tokens.
//   A comparison with a sealed column that has no token cannot be made on the server: it
//   stops the statement here, by name, instead of comparing ciphertext with a parameter (which
//   PostgreSQL would take as bytes and quietly never match). Such a statement needs its
//   PostgreSQL form in db/.

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
  /** Parameter positions compared with a token column: replaced by their tokens. */
  compared: number[];
}

const INSERT = /^\s*INSERT\s+(?:OR\s+\w+\s+)?INTO\s+([a-z_]+)\s*\(([^)]*)\)\s*VALUES\s*\(([^)]*)\)/i;
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
    for (const i of plan.compared) out[i] = this.tokenOf(params[i]);
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
    const written = update ? this.updatePlan(text, update) : null;
    return this.comparisons(text, written ?? { text, seal: [], tokens: [], tokensAt: 0, compared: [] });
  }

  /**
   * The statement's comparisons with sealed columns, as token comparisons (see the top). Read
   * from the original text (an UPDATE's: after its SET list, whose sealing changed the text
   * before it), so the parameters are counted as the repository bound them.
   */
  private comparisons(original: string, plan: Plan): Plan | null {
    const tables = tablesOf(original);
    const distinct = new Set(tables.values());
    const whereAt = (t: string) => (UPDATE.test(t) ? /\sWHERE\s/i.exec(t)!.index : 0);
    const from = whereAt(original);
    let changed = false;
    const part = original
      .slice(from)
      .replace(COMPARISON, (all, alias: string | undefined, column: string, op: string, offset: number) => {
        const lower = column.toLowerCase();
        // A bare column: the statement's one table, or the one of its tables that seals a column
        // of that name (`id_suffix = ?` in a statement that also reads cases in a subquery).
        const sealing = [...distinct].filter((t) => this.source.sealed.get(t)?.has(lower));
        if (!alias && sealing.length > 1)
          throw new Error(`${lower} is sealed in ${sealing.join(' and ')}: name the table it compares`);
        const table = alias
          ? tables.get(alias.toLowerCase())
          : distinct.size === 1
            ? [...distinct][0]
            : sealing[0];
        if (!table || !this.source.sealed.get(table)?.has(lower)) return all;
        const tokenColumn = (this.source.tokens.get(table) ?? []).find((t) => t.from === lower)?.column;
        if (!tokenColumn) throw new Error(`${table}.${lower} is sealed: the server cannot compare it`);
        // Which parameters: the one after `=`, or every one in the IN list.
        const first = count(original.slice(0, from + offset));
        const rest = original.slice(from + offset + all.length);
        const params = /^\s*=/.test(op) ? 1 : count(rest.slice(0, rest.indexOf(')')));
        for (let i = 0; i < params; i++) plan.compared.push(first + i);
        changed = true;
        return all.replace(new RegExp(`\\b${column}\\b`), tokenColumn);
      });
    if (!changed) return plan.seal.length || plan.tokens.length ? plan : null;
    return { ...plan, text: plan.text.slice(0, whereAt(plan.text)) + part };
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
    const plan: Plan = { text, seal: [], tokens: [], tokensAt: n, compared: [] };
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
    // An upsert that takes a tokenised column from the new row takes its token the same way.
    const rest = text
      .slice(end)
      .replace(/(\bDO\s+UPDATE\s+SET\s+)([\s\S]*)$/i, (all, head: string, sets: string) => {
        const extra = (this.source.tokens.get(table) ?? [])
          .filter((t) => new RegExp(`\\b${t.from}\\s*=\\s*excluded\\.${t.from}\\b`, 'i').test(sets))
          .map((t) => `${t.column} = excluded.${t.column}`);
        if (!extra.length) return all;
        // Before a trailing WHERE or RETURNING of the upsert, if any.
        const tail = /\s(WHERE|RETURNING)\s[\s\S]*$/i.exec(sets);
        const at = tail ? tail.index : sets.length;
        return `${head}${sets.slice(0, at)}, ${extra.join(', ')}${sets.slice(at)}`;
      });
    plan.text =
      text.slice(0, m.index) +
      m[0]
        .replace(`(${m[2]!})`, `(${m[2]!}${added.map((c) => `, ${c}`).join('')})`)
        .replace(/\)\s*$/, `${added.map(() => ', ?').join('')})`) +
      rest;
    return plan;
  }

  private updatePlan(text: string, m: RegExpExecArray): Plan | null {
    const table = m[1]!.toLowerCase();
    const sealed = this.source.sealed.get(table);
    if (!sealed) return null;
    const plan: Plan = { text, seal: [], tokens: [], tokensAt: 0, compared: [] };
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

/** `alias.column = ?` or `alias.column IN (?…` (the alias optional): a comparison with parameters. */
const COMPARISON = /(?:\b([A-Za-z_]\w*)\.)?\b([A-Za-z_]\w*)(\s*=\s*(?=\?)|\s+IN\s*\((?=\s*\?))/g;

const NOT_ALIASES = new Set([
  'on',
  'where',
  'join',
  'left',
  'right',
  'inner',
  'outer',
  'cross',
  'using',
  'order',
  'group',
  'limit',
  'indexed',
  'not',
  'natural',
  'union',
  'set',
  'values',
  'as',
]);

/** The tables a statement reads, by alias (and by name): FROM t a, JOIN t AS a, UPDATE t. */
function tablesOf(text: string): Map<string, string> {
  const tables = new Map<string, string>();
  for (const m of text.matchAll(
    /\b(?:FROM|JOIN|UPDATE|INTO)\s+([a-z_]+)(?:\s+(?:AS\s+)?([A-Za-z_]\w*))?/gi,
  )) {
    const table = m[1]!.toLowerCase();
    tables.set(table, table);
    const alias = m[2]?.toLowerCase();
    if (alias && !NOT_ALIASES.has(alias)) tables.set(alias, table);
  }
  return tables;
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
