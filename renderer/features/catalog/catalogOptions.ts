import type { CatalogDto, DisputeTypeDto } from '../../../main/contract';

// Catalog entries as select options. Inactive entries are hidden from choices but still named
// wherever an old case uses them.

export interface Option {
  value: string;
  label: string;
}

/** 18 official types first, then the local sub-types, each labelled with the type it reports under. */
export function disputeTypeOptions(catalog: CatalogDto | undefined, includeInactive = false) {
  const types = (catalog?.disputeTypes ?? []).filter((t) => includeInactive || t.active);
  const names = new Map(types.map((t) => [t.code, t.name]));
  const official = types.filter((t) => t.officialCode === null);
  const local = types.filter((t) => t.officialCode !== null);
  const toOption = (t: DisputeTypeDto): Option => ({
    value: t.code,
    label: t.officialCode ? `${t.name}（${names.get(t.officialCode) ?? '其他'}）` : t.name,
  });
  return [
    { label: '统计类型', title: '统计类型', options: official.map(toOption) },
    ...(local.length ? [{ label: '地方子类型', title: '地方子类型', options: local.map(toOption) }] : []),
  ];
}

export function townshipOptions(catalog: CatalogDto | undefined): Option[] {
  return (catalog?.townships ?? []).map((t) => ({ value: t, label: t }));
}

export function villageOptions(catalog: CatalogDto | undefined, township: string | undefined): Option[] {
  if (!township) return [];
  return (catalog?.villages ?? [])
    .filter((v) => v.township === township && v.active)
    .map((v) => ({ value: v.name, label: v.name }));
}

export function committeeOptions(catalog: CatalogDto | undefined): Option[] {
  return (catalog?.committees ?? []).filter((c) => c.active).map((c) => ({ value: c.id, label: c.name }));
}

/** The committees this user may register into (their scope), their own first. */
export function intakeCommitteeOptions(catalog: CatalogDto | undefined): Option[] {
  const byId = new Map((catalog?.committees ?? []).map((c) => [c.id, c]));
  return (catalog?.intakeCommitteeIds ?? [])
    .map((id) => byId.get(id))
    .filter((c) => c !== undefined && c.active)
    .map((c) => ({ value: c!.id, label: c!.name }));
}

/** The default receiving committee: the office's own when the user may register into it. */
export function defaultIntakeCommittee(catalog: CatalogDto): string | undefined {
  return catalog.intakeCommitteeIds.includes(catalog.ownCommitteeId)
    ? catalog.ownCommitteeId
    : catalog.intakeCommitteeIds[0];
}

/** Case-insensitive "contains" on the option label, for typing into a Select. */
export function labelContains(input: string, option?: { label?: unknown }): boolean {
  const label = typeof option?.label === 'string' ? option.label : '';
  return label.toLowerCase().includes(input.trim().toLowerCase());
}
