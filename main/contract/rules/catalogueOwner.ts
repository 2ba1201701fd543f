import type { Office } from '../schemas/auth';

// What of the shared catalogue an installation may add to and change (issue 14: the office that
// owns a record decides who may send it). A township's installation sends the county only its
// own committee, what it added under it and the villages it added in its own 乡镇; the county
// refuses a whole package that carries anything else (a new dispute type, an organisation outside
// the township's tree, a village of another 乡镇). So a township adds and moves only what it can
// send, and leaves the county's and the other townships' organisations as they arrive. The
// county centre's installation, and a stand-alone office's, keep the whole catalogue. One home:
// the services refuse what these rules refuse, and the screens offer only what they allow.

/** What the rules read of an organisation. */
export interface CatalogueNode {
  id: string;
  parentId: string | null;
  township: string | null;
}

const townshipOffice = (office: Office) => office.kind === 'township';

/** The organisations this installation may change and add under: its committee and everything below; null: all. */
export function organisationsKeptBy(
  office: Office,
  organisations: readonly CatalogueNode[],
): ReadonlySet<string> | null {
  if (!townshipOffice(office)) return null;
  const kept = new Set([office.id]);
  // Parents before children is not guaranteed: repeat until nothing more joins.
  for (let grew = true; grew;) {
    grew = false;
    for (const o of organisations) {
      if (o.parentId && kept.has(o.parentId) && !kept.has(o.id)) {
        kept.add(o.id);
        grew = true;
      }
    }
  }
  return kept;
}

/**
 * Who keeps an organisation a township's installation does not: the township committee it is
 * under (or is), else the top of its tree (the county centre).
 */
export function keeperOf(
  id: string,
  organisations: readonly (CatalogueNode & { kind: string; name: string })[],
): string {
  const byId = new Map(organisations.map((o) => [o.id, o]));
  let at = byId.get(id);
  for (let depth = 0; at && depth < 50; depth++) {
    if (at.kind === 'township') return at.name;
    const parent = at.parentId ? byId.get(at.parentId) : undefined;
    if (!parent) return at.name;
    at = parent;
  }
  return '县调解中心';
}

/** The 乡镇 whose villages this installation may add and change; null: any. */
export function villageTownshipOf(office: Office, organisations: readonly CatalogueNode[]): string | null {
  if (!townshipOffice(office)) return null;
  return organisations.find((o) => o.id === office.id)?.township ?? null;
}

/** Whether this installation may add dispute types (a county catalogue: only the county centre's). */
export const mayAddDisputeTypes = (office: Office): boolean => !townshipOffice(office);

/** The refusals, in the words the screens use too. */
export const catalogueOwnerMessages = {
  organisation: (name: string, keeper: string, office: string) =>
    `“${name}”由${keeper}维护，本机（${office}）只能修改本调委会及其下级组织；数据交换后，对方的修改会同步到本机`,
  parent: (office: string) => `本机只能在“${office}”及其下级组织之下新增或调整调解组织`,
  ownParent: '本调委会的上级组织由县调解中心维护，本机不能更改',
  disputeType: '纠纷类型是全县统一目录，新增类型须由县调解中心设置；数据交换后，本机即可选用新的类型',
  village: (township: string) => `本机只能新增或修改${township}的村（社区），其他乡镇的由县调解中心维护`,
} as const;
