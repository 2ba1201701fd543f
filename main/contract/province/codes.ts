// Code tables of the provincial data package (省级报送数据包, issue 16). National standards where
// they exist; the desk's own vocabularies (labels in ../schemas/catalog.ts) elsewhere. Each table
// is { code: label }, published in the field dictionary and in the JSON Schema as an enum.

/** GB/T 2261.1-2003 人的性别代码. */
export const sexCodes = { '0': '未知的性别', '1': '男性', '2': '女性', '9': '未说明的性别' } as const;
export const sexCodeOf = { male: '1', female: '2' } as const;

/** GB 3304-1991 中国各民族名称的罗马字母拼写法和代码 (numeric code). */
const ethnicityNames = [
  '汉族', '蒙古族', '回族', '藏族', '维吾尔族', '苗族', '彝族', '壮族', '布依族', '朝鲜族',
  '满族', '侗族', '瑶族', '白族', '土家族', '哈尼族', '哈萨克族', '傣族', '黎族', '傈僳族',
  '佤族', '畲族', '高山族', '拉祜族', '水族', '东乡族', '纳西族', '景颇族', '柯尔克孜族', '土族',
  '达斡尔族', '仫佬族', '羌族', '布朗族', '撒拉族', '毛南族', '仡佬族', '锡伯族', '阿昌族', '普米族',
  '塔吉克族', '怒族', '乌孜别克族', '俄罗斯族', '鄂温克族', '德昂族', '保安族', '裕固族', '京族', '塔塔尔族',
  '独龙族', '鄂伦春族', '赫哲族', '门巴族', '珞巴族', '基诺族',
] as const; // prettier-ignore
export const ethnicityCodes: Record<string, string> = {
  ...Object.fromEntries(ethnicityNames.map((name, i) => [String(i + 1).padStart(2, '0'), name])),
  '97': '其他',
  '98': '外国血统中国籍人士',
};
export function ethnicityCodeOf(name: string): string | null {
  const i = (ethnicityNames as readonly string[]).indexOf(name);
  return i < 0 ? null : String(i + 1).padStart(2, '0');
}

/** 常用证件代码 (GA/T 2000.156 as used by the public-security and judicial systems). */
export const idTypeCodes = {
  '111': '居民身份证',
  '414': '普通护照',
  '511': '台湾居民来往大陆通行证',
  '516': '港澳居民来往内地通行证',
  '553': '外国人永久居留身份证',
  '990': '其他证件',
} as const;
export const idTypeCodeOf = {
  resident_id: '111',
  passport: '414',
  taiwan_permit: '511',
  hk_macao_permit: '516',
  foreign_permanent: '553',
  other: '990',
} as const;

/**
 * The 18 dispute types of the national statistics (统计报表 纠纷类型), numbered in the order the
 * reports list them. Local sub-types (商会, 信访, 土地流转…) report under their official type.
 */
export const disputeTypeCodes = {
  '01': '婚姻家庭',
  '02': '邻里',
  '03': '房屋宅基地',
  '04': '合同',
  '05': '生产经营',
  '06': '损害赔偿',
  '07': '山林土地',
  '08': '征地拆迁',
  '09': '环境污染',
  '10': '劳动争议',
  '11': '消费',
  '12': '医疗',
  '13': '道路交通事故',
  '14': '物业',
  '15': '旅游',
  '16': '知识产权',
  '17': '互联网',
  '18': '其他',
} as const;
/** The desk's official dispute-type codes (resources/seed/dispute-types.json) → national code. */
export const disputeTypeCodeOf: Record<string, keyof typeof disputeTypeCodes> = {
  marriage_family: '01',
  neighbour: '02',
  housing_homestead: '03',
  contract: '04',
  production: '05',
  damages: '06',
  land_forest: '07',
  land_requisition: '08',
  environment: '09',
  labour: '10',
  consumer: '11',
  medical: '12',
  traffic: '13',
  property_mgmt: '14',
  tourism: '15',
  ip: '16',
  internet: '17',
  other: '18',
};

/** GB/T 2260 and the NBS 统计用区划代码 (2023): 平罗县 and its 13 towns and townships. */
export const PINGLUO_DIVISION = '640221000000';
export const townshipDivisionCodes = {
  '640221100000': '城关镇',
  '640221101000': '黄渠桥镇',
  '640221102000': '宝丰镇',
  '640221103000': '头闸镇',
  '640221104000': '姚伏镇',
  '640221105000': '崇岗镇',
  '640221106000': '陶乐镇',
  '640221200000': '高庄乡',
  '640221201000': '灵沙乡',
  '640221202000': '渠口乡',
  '640221203000': '通伏乡',
  '640221204000': '高仁乡',
  '640221205000': '红崖子乡',
} as const;
export function townshipCodeOf(name: string | null): string | null {
  if (!name) return null;
  const hit = Object.entries(townshipDivisionCodes).find(([, n]) => n === name);
  return hit ? hit[0] : null;
}

/** The case's result as the statistics count it. */
export const caseResultCodes = {
  pending: '调解中',
  success: '调解成功',
  failure: '调解不成功（终止）',
  transferred: '已转出',
} as const;

export const agreementKindCodes = { written: '书面协议', oral: '口头协议' } as const;

export const performanceCodes = {
  performed: '已履行',
  partial: '部分履行',
  unperformed: '未履行',
  pending: '履行期未届满',
} as const;
