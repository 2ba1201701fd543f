import { idCheckChar, type SaveMediatorInput, type SaveOrganisationInput } from '../../../main/contract';
import { today } from '../../../main/core/dates';
import type { TestApp } from '../../helpers/app';

// Seeded organisations (resources/seed/pingluo.json, pingluo-sectors.json): ids fixed forever.
export const ORG = {
  county: '7da55d92-5712-44e5-beb3-bda8994c7a55',
  chengguan: '2dc93d7a-271f-4463-b352-6df512232bdc',
  yaofu: 'aaf1c7de-86c0-41e1-85e3-ce66b8045107',
  medical: '884b73a8-481a-4abf-958e-472cb4987dfd',
};

/** A valid Pingluo resident ID: birth 'YYYYMMDD', odd sequence = male, even = female. */
export function idNumber(birth: string, sex: 'male' | 'female', serial = 12): string {
  const seq = String(serial * 2 + (sex === 'male' ? 1 : 0)).padStart(3, '0');
  const body = `640221${birth}${seq}`;
  return body + idCheckChar(body);
}

export function aVillage(overrides: Partial<SaveOrganisationInput> = {}): SaveOrganisationInput {
  return {
    name: '城关镇新胜村人民调解委员会',
    kind: 'village',
    parentId: ORG.chengguan,
    abbreviation: '平城新胜',
    caseNumberPattern: '（{year}）{abbr}调字第{seq:4}号',
    address: '平罗县城关镇新胜村村委会',
    activeFrom: '2024-01-05',
    specialties: ['neighbour', 'marriage_family'],
    ...overrides,
  };
}

export function aMediator(overrides: Partial<SaveMediatorInput> = {}): SaveMediatorInput {
  return {
    kind: 'mediator',
    name: '马秀英',
    sex: 'female',
    ethnicity: '回族',
    idNumber: idNumber('19720314', 'female'),
    phone: '13909525678',
    employment: 'full_time',
    certificateNumber: 'NX-PL-2024-031',
    grade: 'first',
    specialties: ['medical', 'marriage_family'],
    householdMembers: [{ name: '李建军', relation: '配偶', idNumber: idNumber('19700802', 'male', 40) }],
    villageGroup: '新胜村三组',
    employer: '平罗县城关镇人民政府',
    memberships: [{ organisationId: ORG.medical, position: '委员', from: '2024-01-01' }],
    ...overrides,
  };
}

export function officeToday(app: TestApp): string {
  return today(app.clock);
}

export async function auditOf(app: TestApp, action: string) {
  return (await app.ok('audit:list', { page: 1, pageSize: 50, action })).items;
}
