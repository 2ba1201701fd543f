import type { CasePartyRow, PartyRow } from '../../../db';
import { agentAuthorityLabels, idTypeLabels, type IdType } from '../../contract';
import type { Agent, Party } from '../documents';

// A party of the case as the printed forms show it: role, identity (sex and birth date read from
// a resident ID when the clerk left them empty), address and phone, and an agent with their
// authority. Full ID numbers: the forms need them; screens only ever see them masked.

const roleOf = { applicant: '申请人', respondent: '被申请人', third_party: '第三人' } as const;

/** Sex and birth date from an 18-digit resident ID when the clerk did not enter them. */
function fromResidentId(
  idType: string | null,
  idNumber: string | null,
): { sex?: '男' | '女'; birthDate?: string } {
  if (idType !== 'resident_id' || !idNumber || !/^\d{17}[\dXx]$/.test(idNumber)) return {};
  const birthDate = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
  return { sex: Number(idNumber[16]) % 2 === 1 ? '男' : '女', birthDate };
}

function agentOf(link: CasePartyRow): Agent[] {
  if (!link.agentName) return [];
  const authority = agentAuthorityLabels[(link.agentAuthority ?? 'general') as 'general' | 'special'];
  return [
    {
      name: link.agentName,
      kind: '委托代理人',
      relation: link.agentRelation ?? '',
      authority: link.agentAuthorityDetail ? `${authority}（${link.agentAuthorityDetail}）` : authority,
      phone: link.agentPhone ?? '',
      ...(link.agentIdNumber ? { idType: '居民身份证', idNumber: link.agentIdNumber } : {}),
    },
  ];
}

export function partyOf(link: CasePartyRow, party: PartyRow): Party {
  const base = {
    id: link.id,
    role: roleOf[link.role as keyof typeof roleOf] ?? '第三人',
    name: party.name,
    phone: party.phone ?? '',
    address: party.address ?? '',
    agents: agentOf(link),
  };
  if (party.kind === 'organisation') {
    return {
      ...base,
      kind: 'organisation',
      uscc: party.creditCode ?? '',
      representative: {
        kind: '法定代表人',
        name: party.representative ?? '',
        title: party.representativeTitle ?? '',
      },
    };
  }
  const derived = fromResidentId(party.idType, party.idNumber);
  const sex = party.sex === 'male' ? '男' : party.sex === 'female' ? '女' : derived.sex;
  return {
    ...base,
    kind: 'person',
    // An unknown sex stays empty: printableIssues reports it as a field to fill in.
    sex: (sex ?? '') as '男',
    ethnicity: party.ethnicity ?? '',
    birthDate: party.birthDate ?? derived.birthDate ?? '',
    idType: party.idType ? idTypeLabels[party.idType as IdType] : '',
    idNumber: party.idNumber ?? '',
    occupation: party.occupation ?? '',
  };
}
