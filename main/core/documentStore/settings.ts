import type { Repositories } from '../../../db';
import type { OrganisationRow } from '../../../db';
import type { DocumentSettings } from '../documents';
import { pingluo } from '../offices/seed';

// What the printed forms take from the installation rather than from the case: the county the
// committees belong to (seal texts), the court a confirmation goes to by default, the date
// style and the retention period printed on the file cover. Defaults come from the shipped
// seed (resources/seed/pingluo.json), overrides from the settings table; nothing is a literal in
// code that a committee would have to ask a programmer to change.

export interface DocumentDeskSettings extends DocumentSettings {
  /** County name prefixed to a committee's seal when its name does not carry it. */
  county: string;
  /** 保管期限 printed on the file cover. */
  retention: string;
}

const keys = {
  defaultCourt: 'documents.defaultCourt',
  dateStyle: 'documents.dateStyle',
  retention: 'documents.retention',
} as const;

export async function documentSettings(repos: Repositories): Promise<DocumentDeskSettings> {
  const [court, dateStyle, retention] = await Promise.all([
    repos.settings.get<string>(keys.defaultCourt),
    repos.settings.get<string>(keys.dateStyle),
    repos.settings.get<string>(keys.retention),
  ]);
  return {
    county: pingluo.county.name,
    defaultCourt: court || pingluo.county.court,
    dateStyle: dateStyle === 'chinese' ? 'chinese' : 'arabic',
    retention: retention || '长期',
  };
}

/**
 * The committee's full name as every document prints it, which is also the seal's exact text:
 * the organisation's recorded seal text, else the county name plus (for a village committee) its
 * township plus the committee's name — "平罗县渠口乡人民调解委员会".
 */
export function sealTextOf(
  org: Pick<OrganisationRow, 'name' | 'kind' | 'township'>,
  recorded: string | null,
  county: string,
): string {
  if (recorded?.trim()) return recorded.trim();
  if (org.name.startsWith(county)) return org.name;
  const township =
    org.kind === 'village' && org.township && !org.name.startsWith(org.township) ? org.township : '';
  return `${county}${township}${org.name}`;
}
