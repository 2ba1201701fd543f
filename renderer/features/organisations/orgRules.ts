import type { DisputeTypeDto, OrganisationDto, OrganisationKind } from '../../../main/contract';

// What the form offers. The service (main/core/organisations) decides; this only keeps choices
// that it would refuse out of the lists.

const allowedParents: Record<OrganisationKind, readonly OrganisationKind[] | 'any'> = {
  county_center: [],
  township: ['county_center'],
  village: ['township'],
  sector: ['county_center', 'township'],
  stationed: ['county_center', 'township'],
  room: ['county_center', 'township'],
  unit: 'any',
  other: 'any',
};

/** Kinds that may stand at the top of the tree, without a parent. */
export const rootKinds: readonly OrganisationKind[] = ['county_center', 'township', 'other'];

export function mayHaveParent(kind: OrganisationKind, parentKind: OrganisationKind): boolean {
  const allowed = allowedParents[kind];
  return allowed === 'any' || allowed.includes(parentKind);
}

/** The kind a new organisation under `parent` most likely has. */
export function defaultChildKind(parent: OrganisationDto | undefined): OrganisationKind {
  if (!parent) return 'other';
  if (parent.kind === 'township') return 'village';
  if (parent.kind === 'county_center') return 'sector';
  return 'unit';
}

/** Ids of `id` and everything below it: never a valid parent for `id`. */
export function selfAndDescendants(
  id: string | undefined,
  organisations: readonly OrganisationDto[],
): Set<string> {
  const out = new Set<string>();
  if (!id) return out;
  const stack = [id];
  while (stack.length) {
    const at = stack.pop()!;
    out.add(at);
    for (const o of organisations) if (o.parentId === at && !out.has(o.id)) stack.push(o.id);
  }
  return out;
}

/**
 * A case number as the pattern would print it, for the live preview; or the reason it cannot be
 * printed. Mirrors the service's tolerance (full-width braces and colon, half-width brackets).
 */
export function previewCaseNumber(
  pattern: string | undefined,
  abbr: string | undefined,
  year: number,
  seq = 1,
): { ok: true; text: string } | { ok: false; message: string } {
  const normalized = (pattern ?? '')
    .trim()
    .replace(/｛/g, '{')
    .replace(/｝/g, '}')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）');
  if (!normalized) return { ok: false, message: '请填写案号格式' };
  let hasYear = false;
  let hasSeq = false;
  // Assigned inside the callback: declared so that control-flow narrowing does not pin it to null.
  let bad = null as string | null;
  const text = normalized.replace(/\{([^{}]*)\}/g, (token, inner: string) => {
    const t = inner.replace(/\s+/g, '').replace(/：/g, ':').toLowerCase();
    if (t === 'year') {
      hasYear = true;
      return String(year);
    }
    if (t === 'abbr') return abbr?.trim() || '（简称）';
    const m = /^seq(?::(\d+))?$/.exec(t);
    if (m && (m[1] === undefined || (Number(m[1]) >= 1 && Number(m[1]) <= 8))) {
      hasSeq = true;
      return String(seq).padStart(Number(m[1] ?? 0), '0');
    }
    bad ??= token;
    return token;
  });
  if (bad) return { ok: false, message: `无法识别的占位符 ${bad}` };
  if (/[{}]/.test(text)) return { ok: false, message: '“{”和“}”没有配对' };
  if (!hasYear) return { ok: false, message: '缺少年份占位符 {year}' };
  if (!hasSeq) return { ok: false, message: '缺少序号占位符 {seq}' };
  return { ok: true, text };
}

export interface OptionGroup {
  label: string;
  title: string;
  options: { value: string; label: string }[];
}

/** The 18 official dispute types first, then local sub-types; inactive ones only where already chosen. */
export function disputeTypeGroups(
  types: readonly DisputeTypeDto[],
  chosen: readonly string[] = [],
): OptionGroup[] {
  const usable = types.filter((t) => t.active || chosen.includes(t.code));
  const names = new Map(types.map((t) => [t.code, t.name]));
  const toOption = (t: DisputeTypeDto) => ({
    value: t.code,
    label: t.officialCode ? `${t.name}（${names.get(t.officialCode) ?? '其他'}）` : t.name,
  });
  const official = usable.filter((t) => t.officialCode === null).map(toOption);
  const local = usable.filter((t) => t.officialCode !== null).map(toOption);
  return [
    { label: '统计类型', title: '统计类型', options: official },
    ...(local.length ? [{ label: '地方子类型', title: '地方子类型', options: local }] : []),
  ];
}

export const kindColors: Record<OrganisationKind, string> = {
  county_center: 'red',
  township: 'blue',
  sector: 'purple',
  village: 'green',
  unit: 'cyan',
  room: 'gold',
  stationed: 'magenta',
  other: 'default',
};

export const kindShortLabels: Record<OrganisationKind, string> = {
  county_center: '中心',
  township: '乡镇',
  sector: '行业',
  village: '村居',
  unit: '单位',
  room: '调解室',
  stationed: '派驻',
  other: '其他',
};
