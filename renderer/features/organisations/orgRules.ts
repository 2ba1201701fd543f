import type { DisputeTypeDto, OrganisationDto, OrganisationKind } from '../../../main/contract';

// What the form offers. Which kind may sit under which, the case-number pattern and the
// composition rules live in the contract (main/contract/rules), where the service enforces them.

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
