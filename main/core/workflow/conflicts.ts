import type { CasePartyRow, MediatorRow, PartyRow } from '../../../db';

// The conflict check (回避): a mediator stands aside when they are a party, a party's agent,
// share a household or village group with a party, or work for a party organisation. Matching
// is by ID number where both sides have one, else by name.

interface HouseholdMember {
  name: string;
  relation: string;
  idNumber?: string | null;
}

function samePerson(
  a: { name: string; idNumber?: string | null },
  b: { name: string; idNumber?: string | null },
) {
  if (a.idNumber && b.idNumber) return a.idNumber.toUpperCase() === b.idNumber.toUpperCase();
  return a.name.trim() === b.name.trim();
}

export function conflictsOf(
  mediator: MediatorRow,
  parties: { party: PartyRow; link: CasePartyRow }[],
): string[] {
  const reasons: string[] = [];
  const household = JSON.parse(mediator.householdMembers) as HouseholdMember[];
  for (const { party, link } of parties) {
    if (party.kind === 'person') {
      if (samePerson(mediator, party)) reasons.push(`调解员本人是本案当事人（${party.name}）`);
      for (const member of household) {
        if (samePerson(member, party)) reasons.push(`调解员的${member.relation}${member.name}是本案当事人`);
      }
      if (mediator.villageGroup && party.address?.includes(mediator.villageGroup)) {
        reasons.push(`与当事人${party.name}同属${mediator.villageGroup}`);
      }
    } else {
      const sameCode =
        mediator.employerCreditCode && party.creditCode && mediator.employerCreditCode === party.creditCode;
      const sameName = mediator.employer && mediator.employer.trim() === party.name.trim();
      if (sameCode || sameName) reasons.push(`调解员在当事人单位“${party.name}”工作`);
    }
    if (link.agentName && samePerson(mediator, { name: link.agentName, idNumber: link.agentIdNumber })) {
      reasons.push(`调解员是当事人${party.name}的代理人`);
    }
  }
  return [...new Set(reasons)];
}
