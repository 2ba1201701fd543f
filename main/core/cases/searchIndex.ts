import type { CasePartyRow, CaseRow, PartyRow } from '../../../db';
import { buildSearchText, idSuffixTerm, type IdSuffixTerm } from './searchTerms';

/** What the search box can find a case by. Full ID numbers never enter: only their last four. */
export function caseSearchText(
  row: Pick<CaseRow, 'caseNumber' | 'summary' | 'requests' | 'township' | 'village'>,
  parties: {
    party: Pick<PartyRow, 'name' | 'representative' | 'idNumber' | 'phone'>;
    link: Pick<CasePartyRow, 'agentName' | 'agentIdNumber' | 'agentPhone'>;
  }[],
  disputeTypeName: string,
  /** Other numbers the case is known by: the handling committee's, once it accepted the case. */
  otherNumbers: readonly string[] = [],
): string {
  const ids = [...parties.map((p) => p.party.idNumber), ...parties.map((p) => p.link.agentIdNumber)]
    .filter((n): n is string => Boolean(n))
    .map(idSuffixTerm)
    .filter((t): t is IdSuffixTerm => t !== null);
  return buildSearchText({
    names: parties
      .flatMap((p) => [p.party.name, p.party.representative ?? '', p.link.agentName ?? ''])
      .filter(Boolean),
    caseNumbers: [row.caseNumber, ...otherNumbers],
    phones: parties.flatMap((p) => [p.party.phone ?? '', p.link.agentPhone ?? '']).filter(Boolean),
    words: [disputeTypeName, row.township, row.village ?? '', row.summary, row.requests],
    idSuffixes: ids,
  });
}

/** "张三、李四 与 王五" — applicants, then the other side; kept on the case for lists. */
export function partyNamesOf(parties: { name: string; role: string }[]): string {
  const side = (roles: string[]) =>
    parties
      .filter((p) => roles.includes(p.role))
      .map((p) => p.name)
      .join('、');
  const applicants = side(['applicant']);
  const others = side(['respondent', 'third_party']);
  return others ? `${applicants} 与 ${others}` : applicants;
}
