import type { OrganisationKind } from '../schemas/catalog';
import { organisationKindLabels } from '../schemas/catalog';

// Which kind of organisation may sit under which (the county center, its sector committees and
// stationed rooms, the 13 township committees and their village committees…). One home: the
// organisation service refuses what these rules refuse, and the 调解组织 form offers only what
// they allow.

/** Which kinds an organisation of each kind may sit under; `root` = may have no parent. */
const parentRules: Record<OrganisationKind, { parents: readonly OrganisationKind[] | 'any'; root: boolean }> =
  {
    county_center: { parents: [], root: true },
    township: { parents: ['county_center'], root: true },
    village: { parents: ['township'], root: false },
    sector: { parents: ['county_center', 'township'], root: false },
    stationed: { parents: ['county_center', 'township'], root: false },
    room: { parents: ['county_center', 'township'], root: false },
    unit: { parents: 'any', root: false },
    other: { parents: 'any', root: true },
  };

/** Whether `kind` may sit under `parentKind` (null: at the top of the tree, without a parent). */
export function mayHaveParent(kind: OrganisationKind, parentKind: OrganisationKind | null): boolean {
  const rule = parentRules[kind];
  if (parentKind === null) return rule.root;
  return rule.parents === 'any' || rule.parents.includes(parentKind);
}

/** Kinds that may stand at the top of the tree, without a parent. */
export const rootKinds: readonly OrganisationKind[] = (Object.keys(parentRules) as OrganisationKind[]).filter(
  (k) => parentRules[k].root,
);

/** 'the kinds it may sit under', in Chinese, for messages. */
export function describeParents(kind: OrganisationKind): string {
  const rule = parentRules[kind];
  if (rule.parents === 'any') return '任一调解组织';
  return rule.parents.map((k) => organisationKindLabels[k]).join('或');
}
