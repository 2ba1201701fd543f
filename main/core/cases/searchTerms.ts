// The case search column and the MATCH expressions that query it (SQLite FTS5, unicode61).
// unicode61 cannot split Chinese, so the column holds Han unigrams + bigrams ("张 三 张三"): a
// clerk's 1-character query hits a unigram, 2 characters a bigram, longer text a phrase of bigrams.
//
// Full ID numbers must never reach the index (FTS vocabularies are trivially listable). There is
// no field for them: an ID contributes only through idSuffixTerm(), a branded value that holds its
// last four characters. As a second line of defence every input is scrubbed of digit runs of 15+
// (ID and bank-card shaped, even when grouped with spaces or dashes) before it is tokenised.

declare const idSuffixBrand: unique symbol;
/** The last 4 characters of an ID number; only idSuffixTerm() makes one. */
export type IdSuffixTerm = string & { readonly [idSuffixBrand]: true };

export interface SearchSource {
  /** Party, agent and mediator names. */
  names?: readonly string[];
  /** Case and dossier numbers; '0001' is also indexed as '1' so clerks need not type zeros. */
  caseNumbers?: readonly string[];
  /** Phones; also indexed as bare digits and by their last 4 digits (尾号). */
  phones?: readonly string[];
  /** Short free text: dispute type, village, summary keywords. */
  words?: readonly string[];
  idSuffixes?: readonly IdSuffixTerm[];
}

const SENSITIVE_DIGITS = /\d(?:[\s-]{0,2}\d){14,}(?:[\s-]{0,2}[xX](?![\p{L}\p{N}]))?/gu;
// Characters Unicode now calls letters but SQLite 3.53's unicode61 tables treat as separators; a
// token made only of them would become an empty phrase, which silently empties an AND query.
const RUN =
  /((?:(?=[\p{L}\p{N}])\p{Script=Han})+)|((?:(?!\p{Script=Han})(?![\u19B0-\u19C9\u1CF2\u1CF3])[\p{L}\p{N}])+)/gu;
const OPERATORS = new Set(['AND', 'OR', 'NOT', 'NEAR']);
const MAX_QUERY_CHARS = 200;
const MAX_QUERY_TERMS = 16;

export function idSuffixTerm(idNumber: string): IdSuffixTerm | null {
  const n = idNumber.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  return /^(?:\d{17}[\dx]|\d{15})$/.test(n) ? (n.slice(-4) as IdSuffixTerm) : null;
}

/** The text for the FTS column: space-separated tokens, each Han run as unigrams then bigrams. */
export function buildSearchText(source: SearchSource): string {
  const out: string[] = [];
  const seenRuns = new Set<string>();
  const add = (text: string, extraDigits = false) => {
    for (const run of runs(text)) {
      const key = `${run.han ? 'h' : 'w'}${run.text}`;
      if (seenRuns.has(key)) continue;
      seenRuns.add(key);
      if (run.han) out.push(...hanTokens(run.text));
      else out.push(run.text);
      if (extraDigits && /^0+\d/.test(run.text)) add(run.text.replace(/^0+/, ''));
    }
  };
  for (const name of source.names ?? []) add(name);
  for (const n of source.caseNumbers ?? []) add(n, true);
  for (const phone of source.phones ?? []) {
    add(phone);
    const digits = phone.normalize('NFKC').replace(/\D/g, '');
    if (digits.length >= 5 && digits.length <= 13) {
      add(digits); // separately: joined with a space, two numbers could look like one long run
      add(digits.slice(-4));
    }
  }
  for (const w of source.words ?? []) add(w);
  for (const suffix of source.idSuffixes ?? []) add(suffix);
  return out.join(' ');
}

/**
 * Turns what a clerk typed into an FTS5 MATCH expression, or null when nothing searchable is
 * left (callers then skip the MATCH). Every term is double-quoted and contains only letters and
 * digits, so FTS5 operators, quotes, '*', '^', ':', parentheses and column filters in the input
 * are inert; bare upper-case AND/OR/NOT/NEAR are dropped rather than searched for. Terms are
 * ANDed; Latin/digit words match as prefixes ('1391' finds 13912345678). A full ID number is
 * reduced to the last-4 term the index holds (exact ID lookup belongs to the party records).
 * Bind the result as a parameter (`WHERE search MATCH ?`); never splice it into SQL text.
 */
export function queryToMatch(userQuery: string): string | null {
  const text = userQuery.normalize('NFKC').slice(0, MAX_QUERY_CHARS);
  const scrubbed = text.replace(SENSITIVE_DIGITS, (run) => ` ${run.replace(/[\s-]/g, '').slice(-4)} `);
  const terms: string[] = [];
  for (const run of runs(scrubbed, true)) {
    if (!run.han && OPERATORS.has(run.original)) continue;
    let term: string;
    if (!run.han) term = `${quote(run.text)}*`;
    else if ([...run.text].length <= 2) term = quote(run.text);
    else term = quote(hanBigrams(run.text).join(' ')); // a phrase: the bigrams, consecutive
    if (!terms.includes(term)) terms.push(term);
    if (terms.length === MAX_QUERY_TERMS) break;
  }
  return terms.length === 0 ? null : terms.join(' AND ');
}

interface Run {
  han: boolean;
  text: string;
  original: string;
}

function* runs(raw: string, alreadyScrubbed = false): Generator<Run> {
  let text = raw.normalize('NFKC');
  if (!alreadyScrubbed) text = text.replace(SENSITIVE_DIGITS, ' ');
  for (const m of text.matchAll(RUN)) {
    if (m[1] !== undefined) yield { han: true, text: m[1], original: m[1] };
    else if (m[2] !== undefined) yield { han: false, text: m[2].toLowerCase(), original: m[2] };
  }
}

function hanTokens(run: string): string[] {
  const chars = [...run];
  return chars.length === 1 ? chars : [...chars, ...hanBigrams(run)];
}

function hanBigrams(run: string): string[] {
  const chars = [...run]; // code points: Han extension B+ characters are surrogate pairs
  const bigrams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) bigrams.push(chars[i]! + chars[i + 1]!);
  return bigrams;
}

function quote(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}
