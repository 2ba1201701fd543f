import type { ListedParty } from '../../../db';

// Which party a search found a case by, said the way the clerk searched: the name (where the
// query sits in it), or the party with the phone, ID number or credit code that matched. The list
// shows that party first, highlighted, so a search for 马玉 shows 马玉兰 even when the party column
// is too narrow for everyone.

const digitsOf = (s: string | null) => (s ?? '').replace(/\D/g, '');

const hanTerms = (query: string) =>
  query
    .normalize('NFKC')
    .trim()
    .split(/\s+/)
    .filter((t) => /\p{Script=Han}/u.test(t));

const mayBeCode = (query: string) =>
  /^[0-9A-Z]{4,18}$/.test(
    query
      .normalize('NFKC')
      .replace(/[\s-]+/g, '')
      .toUpperCase(),
  );

/**
 * Whether a listed case was found by its own text rather than by a party: every word searched is
 * in its summary or requests and none is in its parties' names, and the query is no number. Its
 * parties need not be read then (a common summary word lists thousands of cases: reading the
 * page's party records cost the search a fifth of its time).
 */
export function foundByOwnText(
  row: { summary: string; requests: string; partyNames: string },
  query: string,
): boolean {
  const han = hanTerms(query);
  if (han.length === 0 || mayBeCode(query)) return false;
  return (
    han.every((t) => row.summary.includes(t) || row.requests.includes(t)) &&
    !han.some((t) => row.partyNames.includes(t))
  );
}

/** The party a query matched, with how (when not by name); null when it matched something else. */
export function matchedParty(parties: readonly ListedParty[], query: string): string | null {
  const q = query.normalize('NFKC').trim();
  if (!q) return null;
  const han = hanTerms(q);
  for (const p of parties) {
    for (const t of han) {
      if (p.name.includes(t)) return p.name;
      if (p.representative?.includes(t)) return `${p.name}（法定代表人${p.representative}）`;
      if (p.agentName?.includes(t)) return `${p.name}（代理人${p.agentName}）`;
    }
  }
  if (!mayBeCode(q)) return null;
  const code = q.replace(/[\s-]+/g, '').toUpperCase();
  const digits = digitsOf(code);
  for (const p of parties) {
    // An ID number shows only its last four, whatever was typed.
    if (p.idNumber?.toUpperCase().endsWith(code)) return `${p.name}（证件尾号${p.idNumber.slice(-4)}）`;
    if (p.creditCode === code) return `${p.name}（信用代码${p.creditCode}）`;
    if (p.creditCode?.endsWith(code)) return `${p.name}（信用代码尾号${code}）`;
    if (digits === code && digits.length >= 4) {
      if (digitsOf(p.phone).includes(digits)) return `${p.name}（电话${p.phone}）`;
      if (digitsOf(p.agentPhone).includes(digits)) return `${p.name}（代理人电话${p.agentPhone}）`;
    }
  }
  return null;
}
