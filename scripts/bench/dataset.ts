// Deterministic intake cases for the benchmark: realistic Pingluo names, ID numbers, phones,
// townships, villages, dispute types and summaries (createChineseFaker), with some people and
// organisations appearing in several cases, as they do at a real desk.
import type {
  CaseSource,
  CaseStatus,
  courtProcedures,
  CreateCaseInput,
  PartyInput,
  PartyRole,
  RiskFlag,
  RiskLevel,
} from '../../main/contract';
import { createChineseFaker, type ChineseFaker, type FakePerson } from '../../tests/fixtures/chineseNames';

type CourtProcedure = (typeof courtProcedures)[number];

export interface Committee {
  id: string;
  township: string | null;
  kind: string;
}

export interface Clerk {
  id: string;
  name: string;
}

/** A party as the clerk types it, already in canonical form (normalised phones, upper-case IDs). */
export interface BenchParty {
  kind: 'person' | 'organisation';
  role: PartyRole;
  name: string;
  ethnicity?: string;
  idNumber?: string;
  occupation?: string;
  creditCode?: string;
  representative?: string;
  representativeTitle?: string;
  address: string;
  phone: string;
  agent?: { name: string; relation: string; authority: 'general' | 'special'; phone: string };
}

export interface BenchCase {
  disputeType: string;
  source: CaseSource;
  township: string;
  village: string;
  receivedOn: string;
  summary: string;
  requests: string;
  riskLevel: RiskLevel;
  riskFlags: RiskFlag[];
  /** Court-referred cases (委派 before filing, 委托 after): the court that sent it. */
  referringCourt: string | null;
  /** 委托 cases only: the court's procedure sets the time limit (15 or 7 days). */
  courtProcedure: CourtProcedure | null;
  committeeId: string;
  parties: BenchParty[];
  amountFen: number | null;
  /** Where the case has got to (the bulk load stores older cases in later states). */
  status: CaseStatus;
  createdAt: string;
}

/** What the clerk submits through cases:create. */
export function toInput(c: BenchCase): CreateCaseInput {
  return {
    disputeType: c.disputeType,
    source: c.source,
    township: c.township,
    village: c.village,
    receivedOn: c.receivedOn,
    summary: c.summary,
    requests: c.requests,
    // Court-referred cases name the referring court (the service requires it).
    ...(c.source === 'court_delegated' || c.source === 'court_entrusted'
      ? { referringCourt: '平罗县人民法院' }
      : {}),
    ...(c.amountFen !== null ? { amountFen: (c.amountFen / 100).toFixed(2) } : {}),
    riskLevel: c.riskLevel,
    riskFlags: c.riskFlags,
    ...(c.referringCourt !== null ? { referringCourt: c.referringCourt } : {}),
    ...(c.courtProcedure !== null ? { courtProcedure: c.courtProcedure } : {}),
    committeeId: c.committeeId,
    // Court-referred cases name their court (required since migration 0005).
    ...(c.source === 'court_delegated' || c.source === 'court_entrusted'
      ? { referringCourt: '平罗县人民法院' }
      : {}),
    parties: c.parties.map(
      (p) => ({ ...p, ...(p.kind === 'person' ? { idType: 'resident_id' } : {}) }) as PartyInput,
    ),
    relatedCaseIds: [],
    // Same names in the same township are common at this scale; the clerk goes ahead.
    repeatReason: '另一纠纷，与前案无关',
  };
}

// Each type has words a clerk would search for; templates use them so a summary word matches a
// realistic share of cases (a few per cent each at 100k).
const TYPES: { code: string; words: string[]; templates: string[] }[] = [
  {
    code: 'marriage_family',
    words: ['彩礼', '抚养费', '赡养', '离婚', '探望'],
    templates: [
      '{A}与{B}系夫妻关系，因{W}问题多次发生争吵，{A}要求{B}按约定处理，双方协商未果。',
      '{A}称其父母年迈多病，{B}作为子女拒不承担{W}义务，村委会多次做工作无果。',
    ],
  },
  {
    code: 'neighbour',
    words: ['院墙', '排水', '噪音', '通行', '树木'],
    templates: [
      '{A}与{B}系{V}邻居，因{W}问题发生纠纷，双方互不相让，矛盾有激化倾向。',
      '{B}在自家院内施工，{A}认为影响其{W}，双方发生口角，经村组调解未果。',
    ],
  },
  {
    code: 'housing_homestead',
    words: ['宅基地', '房屋', '界址', '翻建', '继承'],
    templates: [
      '{A}与{B}因{V}一处{W}的归属发生争议，双方各执一词，均称该处系自家所有。',
      '{A}翻建房屋时与{B}就{W}位置发生争执，{B}阻止施工，要求{A}拆除已建部分。',
    ],
  },
  {
    code: 'contract',
    words: ['货款', '借款', '欠条', '收购款', '租金'],
    templates: [
      '{A}向{B}出售玉米、枸杞等农产品，{B}出具{W}后拖欠未付，经多次催要无果。',
      '{B}于前年向{A}借款用于经营，约定年底归还，至今未还，{A}持{W}申请调解。',
    ],
  },
  {
    code: 'production',
    words: ['合伙', '分红', '设备', '加工', '养殖场'],
    templates: [
      '{A}与{B}{W}经营，因利润分配和账目不清发生纠纷，双方要求清算。',
      '{A}租用{B}的{W}从事生产，因设备损坏赔偿问题发生争议。',
    ],
  },
  {
    code: 'damages',
    words: ['受伤', '医药费', '牲畜', '赔偿', '误工费'],
    templates: [
      '{B}饲养的牛羊进入{A}的农田啃食庄稼，{A}要求{B}赔偿损失，{B}认为索赔过高。',
      '{A}在{B}处帮工时{W}，花去医疗费用，要求{B}承担{W}及误工损失。',
    ],
  },
  {
    code: 'land_forest',
    words: ['承包地', '地界', '灌溉', '林木', '渠道'],
    templates: [
      '{A}与{B}的{W}相邻，因{W}划分不清发生争执，双方均主张对争议地块享有承包经营权。',
      '{B}在{A}承包的土地上种植树木，{A}要求{B}清除林木并恢复原状。',
    ],
  },
  {
    code: 'land_requisition',
    words: ['拆迁', '补偿款', '安置', '征收'],
    templates: [
      '{A}的房屋因道路建设被{W}，{A}对补偿标准有异议，要求重新评估。',
      '{A}与{B}就{W}分配比例发生争议，{V}村委会多次协调未果。',
    ],
  },
  {
    code: 'environment',
    words: ['粉尘', '污水', '异味', '噪声'],
    templates: ['{B}生产过程中产生{W}，影响{A}等附近村民的正常生活，{A}要求{B}采取措施并赔偿。'],
  },
  {
    code: 'labour',
    words: ['工资', '工伤', '劳务费', '加班费', '社保'],
    templates: [
      '{A}等人在{B}务工，{B}拖欠{W}至今未付，{A}多次讨要无果，申请调解。',
      '{A}在{B}工作期间发生{W}，双方就赔偿数额发生争议。',
    ],
  },
  {
    code: 'consumer',
    words: ['退货', '质量', '维修', '农资'],
    templates: ['{A}在{B}购买的{W}存在质量问题，要求退货退款，{B}拒绝。'],
  },
  {
    code: 'medical',
    words: ['诊所', '手术', '医疗费'],
    templates: ['{A}在{B}就诊后病情加重，认为{B}存在过错，要求承担{W}及后续治疗费用。'],
  },
  {
    code: 'traffic',
    words: ['交通事故', '电动车', '三轮车', '车辆'],
    templates: ['{A}驾驶{W}与{B}驾驶的车辆相撞，{A}受伤住院，双方就赔偿问题协商未果。'],
  },
  {
    code: 'property_mgmt',
    words: ['物业费', '漏水', '停车'],
    templates: ['{A}所住小区因{W}问题与{B}发生纠纷，{B}要求{A}缴纳拖欠的物业费。'],
  },
  {
    code: 'other',
    words: ['债务', '宠物', '婚宴'],
    templates: ['{A}与{B}因{W}问题发生纠纷，双方争执不下，申请调解。'],
  },
  {
    code: 'land_contract',
    words: ['流转', '土地租金', '种植'],
    templates: ['{A}将承包地{W}给{B}种植，{B}拖欠{W}两年未付，{A}要求解除合同收回土地。'],
  },
  {
    code: 'village_affairs',
    words: ['村务', '集体收益', '低保'],
    templates: ['{A}对{V}村{W}分配有异议，认为村委会未按规定公开，要求说明情况。'],
  },
];
const TYPE_WEIGHTS = [14, 16, 10, 14, 5, 9, 9, 2, 2, 6, 2, 1, 5, 2, 1, 4, 3];

const SOURCES = [
  ['party_application', 52],
  ['proactive', 15],
  ['court_delegated', 9],
  ['court_entrusted', 4],
  ['police_referral', 6],
  ['petition_referral', 4],
  ['government_referral', 4],
  ['hotline_12345', 6],
] as const;

/**
 * Courts that refer cases to Pingluo's committees: the county court sends nearly all of them
 * (诉前委派 and 诉中委托); the Shizuishan intermediate court the odd appeal-stage one.
 */
const REFERRING_COURTS = [
  ['平罗县人民法院', 92],
  ['石嘴山市中级人民法院', 5],
  ['石嘴山市大武口区人民法院', 3],
] as const;
/** 委托 cases: most come from summary-procedure (简易程序) trials. */
const COURT_PROCEDURES = [
  ['summary', 70],
  ['ordinary', 30],
] as const;

/** Where older cases have got to; new intakes are all 'accepted'. */
const STATUSES: [CaseStatus, number][] = [
  ['accepted', 4],
  ['dispatched', 3],
  ['mediating', 6],
  ['succeeded', 10],
  ['performing', 3],
  ['visited', 8],
  ['closed', 50],
  ['terminated', 8],
  ['informed', 4],
  ['transferred', 2],
  ['voided', 2],
];

/** Summary words a clerk would type into the search box (each in some per cent of cases). */
export const SUMMARY_WORDS = [...new Set(TYPES.flatMap((t) => t.words))];

const ETHNICITIES = ['汉族', '汉族', '回族'] as const;
const OCCUPATIONS = ['农民', '农民', '农民', '个体户', '务工人员', '教师', '司机', '退休人员', '无业'];
const DAY_MS = 86_400_000;

function weightedPicker<T>(items: readonly (readonly [T, number])[]) {
  const total = items.reduce((s, [, w]) => s + w, 0);
  return (u: number): T => {
    let x = u * total;
    for (const [item, w] of items) {
      if ((x -= w) < 0) return item;
    }
    return items[items.length - 1]![0];
  };
}

export interface DatasetOptions {
  seed: string;
  committees: Committee[];
  /** Inclusive date range of 受理日期 for the bulk load, 'YYYY-MM-DD'. */
  from: string;
  to: string;
}

/** A stream of cases. Bulk cases are spread evenly over [from, to] in date order. */
export class Dataset {
  readonly faker: ChineseFaker;
  private readonly people: FakePerson[] = [];
  private readonly organisations: {
    name: string;
    creditCode: string;
    phone: string;
    representative: string;
  }[] = [];
  private readonly pickType = weightedPicker(TYPES.map((t, i) => [t, TYPE_WEIGHTS[i] ?? 1] as const));
  private readonly pickSource = weightedPicker(SOURCES);
  private readonly pickStatus = weightedPicker(STATUSES);
  private readonly pickCourt = weightedPicker(REFERRING_COURTS);
  private readonly pickProcedure = weightedPicker(COURT_PROCEDURES);
  private readonly county: Committee;
  private readonly byTownship = new Map<string, Committee>();

  constructor(private readonly options: DatasetOptions) {
    this.faker = createChineseFaker(options.seed, { referenceDate: options.to });
    this.county = options.committees.find((c) => c.kind === 'county_center')!;
    for (const c of options.committees) if (c.township) this.byTownship.set(c.township, c);
  }

  /** Case i of n in the bulk load: dated in order across the range, in a later status. */
  bulkCase(i: number, n: number): BenchCase {
    const from = Date.parse(`${this.options.from}T00:00:00Z`);
    const to = Date.parse(`${this.options.to}T00:00:00Z`);
    const day = new Date(from + Math.floor(((to - from) / DAY_MS + 1) * (i / n)) * DAY_MS);
    const receivedOn = day.toISOString().slice(0, 10);
    // Entered during office hours of that day (Beijing 08:30–17:30 = 00:30–09:30 UTC).
    const createdAt = new Date(
      day.getTime() + (30 + this.faker.int(0, 540)) * 60_000 + this.faker.int(0, 59_999),
    ).toISOString();
    return this.make(receivedOn, createdAt, this.pickStatus(this.faker.random()));
  }

  /** A new intake as a clerk would register it today. */
  newCase(receivedOn: string): BenchCase {
    return this.make(receivedOn, '', 'accepted');
  }

  private person(): FakePerson {
    // About one party in eight has been in an earlier case (repeat disputes, family members).
    if (this.people.length > 50 && this.faker.random() < 0.12) return this.faker.pick(this.people);
    const p = this.faker.person();
    if (this.people.length < 200_000) this.people.push(p);
    else this.people[this.faker.int(0, this.people.length - 1)] = p;
    return p;
  }

  private organisation() {
    if (this.organisations.length > 20 && this.faker.random() < 0.35)
      return this.faker.pick(this.organisations);
    const o = {
      name: this.faker.organisationName(),
      creditCode: this.faker.creditCode(),
      phone: this.faker.random() < 0.5 ? `0952-${this.faker.int(2000000, 8999999)}` : this.faker.mobile(),
      representative: this.faker.personName('male'),
    };
    if (this.organisations.length < 20_000) this.organisations.push(o);
    return o;
  }

  private make(receivedOn: string, createdAt: string, status: CaseStatus): BenchCase {
    const f = this.faker;
    const type = this.pickType(f.random());
    const { township, village } = f.village();
    const committee = f.random() < 0.4 ? this.county : (this.byTownship.get(township) ?? this.county);
    // Unique within one case: a person cannot be on both sides.
    const used = new Set<string>();
    const personParty = (role: PartyRole): BenchParty => {
      let p = this.person();
      while (used.has(p.idNumber)) p = f.person();
      used.add(p.idNumber);
      const withAgent = f.random() < 0.08;
      return {
        kind: 'person',
        role,
        name: p.name,
        ethnicity: f.pick(ETHNICITIES),
        idNumber: p.idNumber,
        occupation: f.pick(OCCUPATIONS),
        address: `平罗县${township}${village}${f.int(1, 12)}队`,
        phone: p.mobile,
        ...(withAgent
          ? {
              agent: {
                name: f.personName(),
                relation: '亲属',
                authority: f.random() < 0.5 ? ('general' as const) : ('special' as const),
                phone: f.mobile(),
              },
            }
          : {}),
      };
    };
    const orgParty = (role: PartyRole): BenchParty => {
      let o = this.organisation();
      while (used.has(o.creditCode)) o = { ...o, name: f.organisationName(), creditCode: f.creditCode() };
      used.add(o.creditCode);
      return {
        kind: 'organisation',
        role,
        name: o.name,
        creditCode: o.creditCode,
        representative: o.representative,
        representativeTitle: '负责人',
        address: `平罗县${township}`,
        phone: o.phone,
      };
    };
    const orgSide = ['production', 'labour', 'consumer', 'medical', 'property_mgmt', 'environment'].includes(
      type.code,
    );
    const parties: BenchParty[] = [personParty('applicant')];
    // ≈2.5 parties per case: a second applicant, a third party, sometimes both.
    if (f.random() < 0.25) parties.push(personParty('applicant'));
    parties.push(orgSide && f.random() < 0.7 ? orgParty('respondent') : personParty('respondent'));
    if (f.random() < 0.25)
      parties.push(f.random() < 0.3 ? orgParty('third_party') : personParty('third_party'));

    const word = f.pick(type.words);
    const summary = f
      .pick(type.templates)
      .replaceAll('{A}', parties[0]!.name)
      .replaceAll('{B}', parties.find((p) => p.role === 'respondent')!.name)
      .replaceAll('{V}', village)
      .replaceAll('{W}', word);
    const amountFen =
      f.random() < 0.7
        ? f.int(5, 40_000) * 100 * (f.random() < 0.2 ? 10 : 1) + (f.random() < 0.1 ? f.int(1, 99) : 0)
        : null;
    const source = this.pickSource(f.random());
    const courtReferred = source === 'court_delegated' || source === 'court_entrusted';
    return {
      disputeType: type.code,
      source,
      township,
      village,
      receivedOn,
      summary,
      requests: `请求依法调解，${word}问题得到妥善解决。`,
      riskLevel: f.random() < 0.9 ? 'normal' : 'elevated',
      riskFlags: f.random() < 0.05 ? ['mass'] : [],
      referringCourt: courtReferred ? this.pickCourt(f.random()) : null,
      courtProcedure: source === 'court_entrusted' ? this.pickProcedure(f.random()) : null,
      committeeId: committee.id,
      parties,
      amountFen,
      status,
      createdAt,
    };
  }
}
