import { describe, expect, it } from 'vitest';
import {
  committeeMembers,
  compositionNotes,
  previewCaseNumber,
  type MediatorDto,
  type OrganisationDto,
} from '../../../main/contract';

// The committee-composition check (人民调解法 Arts. 8–9), computed from the roster: warnings only,
// never a block. One home in the contract (rules/composition.ts): the organisation service puts
// it in orgs:tree and the 调解组织 screen shows that.

const TODAY = '2026-11-30';
const COMMITTEE = '11111111-1111-4111-8111-111111111111';

const org = (overrides: Partial<OrganisationDto> = {}): OrganisationDto => ({
  id: COMMITTEE,
  name: '城关镇新胜村人民调解委员会',
  kind: 'village',
  parentId: null,
  abbreviation: '平城新胜',
  caseNumberPattern: '（{year}）{abbr}调字第{seq:4}号',
  township: '城关镇',
  address: null,
  sealText: null,
  activeFrom: null,
  activeTo: null,
  specialties: [],
  version: 1,
  ...overrides,
});

let n = 0;
function member(
  position: string,
  sex: 'male' | 'female' | null,
  overrides: Partial<MediatorDto> = {},
  from: string | null = '2025-01-01',
  to: string | null = null,
): MediatorDto {
  n += 1;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    version: 1,
    kind: 'mediator',
    name: `委员${n}`,
    sex,
    ethnicity: n % 2 ? '回族' : '汉族',
    idNumberMasked: null,
    phone: null,
    employment: 'part_time',
    certificateNumber: null,
    grade: 'none',
    specialties: [],
    householdMembers: [],
    villageGroup: null,
    employer: null,
    employerCreditCode: null,
    userId: null,
    memberships: [
      { organisationId: COMMITTEE, organisationName: '城关镇新胜村人民调解委员会', position, from, to },
    ],
    active: true,
    trainingDaysThisYear: { initial: 0, continuing: 0 },
    trainings: [],
    openCases: 0,
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

const texts = (o: OrganisationDto, roster: MediatorDto[]) =>
  compositionNotes(o, roster, TODAY).map((x) => x.text);

describe('committee composition', () => {
  it('is satisfied by 3–9 current members with a chair and a woman', () => {
    const roster = [member('主任', 'male'), member('副主任', 'female'), member('委员', 'male')];
    expect(texts(org(), roster)).toEqual([]);
    expect(committeeMembers(COMMITTEE, roster, TODAY).map((m) => m.position)).toEqual([
      '主任',
      '副主任',
      '委员',
    ]);
  });

  it('warns: fewer than 3, no woman, no chair', () => {
    expect(texts(org(), [])).toEqual(['委员人数不足3人（现有0人）', '无女性委员']);
    expect(texts(org(), [member('委员', 'male'), member('委员', null)])).toEqual([
      '委员人数不足3人（现有2人）',
      '未设主任',
      '无女性委员（1人未登记性别）',
    ]);
  });

  it('warns over 9 members', () => {
    const roster = [member('主任', 'female'), ...Array.from({ length: 9 }, () => member('委员', 'male'))];
    expect(texts(org(), roster)).toEqual(['委员人数超过9人（现有10人）']);
  });

  it('counts only current committee positions of active 人民调解员', () => {
    const roster = [
      member('主任', 'female'),
      member('委员', 'male'),
      member('调解员', 'male'), // hired mediator, not a committee member (Art. 13)
      member('委员', 'female', { active: false }),
      member('委员', 'female', { kind: 'info_officer' }),
      member('委员', 'female', {}, '2020-01-01', '2022-12-31'), // term over
      member('委员', 'female', {}, '2027-01-01'), // not yet
    ];
    expect(texts(org(), roster)).toEqual(['委员人数不足3人（现有2人）']);
  });

  it('reminds about the 3-year term and a single ethnicity, as information', () => {
    const roster = [
      member('主任', 'female', { name: '马兰', ethnicity: '回族' }, '2023-06-01'),
      member('委员', 'male', { ethnicity: '回族' }),
      member('委员', 'male', { ethnicity: '回族' }),
    ];
    const notes = compositionNotes(org(), roster, TODAY);
    expect(notes).toEqual([
      { level: 'warning', text: '马兰任职已满3年，请核对换届情况并填写任职止日期' },
      { level: 'info', text: '委员均为回族：如当地多民族共同居住，应有人数较少民族的委员' },
    ]);
  });

  it('applies only to committees that are still active', () => {
    expect(texts(org({ kind: 'room' }), [])).toEqual([]);
    expect(texts(org({ kind: 'county_center' }), [])).toEqual([]);
    expect(texts(org({ kind: 'stationed' }), [])).toEqual([]);
    expect(texts(org({ activeTo: '2025-12-31' }), [])).toEqual([]);
    expect(texts(org({ kind: 'sector' }), [])).toHaveLength(2);
  });
});

describe('the case-number preview beside the pattern field', () => {
  it('prints what the service would, and says what is missing', () => {
    expect(previewCaseNumber('（{year}）{abbr}调字第{seq:4}号', '平医', 2026)).toEqual({
      ok: true,
      text: '（2026）平医调字第0001号',
    });
    expect(previewCaseNumber('({year}){abbr}调字第｛seq：4｝号', '平医', 2026)).toEqual({
      ok: true,
      text: '（2026）平医调字第0001号',
    });
    // The preview's reasons are the service's own (one formatter, main/contract/rules/caseNumber.ts).
    expect(previewCaseNumber('{abbr}调字第{seq}号', '平医', 2026)).toEqual({
      ok: false,
      message: '案号格式中必须有年份占位符 {year}，例如 （{year}）{abbr}调字第{seq}号',
    });
    expect(previewCaseNumber('（{year}）{abbr}第{num}号', '平医', 2026)).toEqual({
      ok: false,
      message:
        '案号格式中有无法识别的占位符 {num}。可用的占位符有 {year}（年份）、{abbr}（调委会简称）、{seq}（序号）、{seq:4}（补零到4位的序号）',
    });
    expect(previewCaseNumber('（{year}）{abbr}调字第{seq:4}号', '', 2026)).toEqual({
      ok: true,
      text: '（2026）（简称）调字第0001号',
    });
  });
});
