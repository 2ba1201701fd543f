import type { z } from 'zod';
import type { Repositories } from '../../../db';
import type { OrganisationRow } from '../../../db';
import { dateStyleLabels, type DocumentSettingsDto, type saveDocumentSettingsInput } from '../../contract';
import type { ServiceContext } from '../context';
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

const labels = { defaultCourt: '默认司法确认法院', dateStyle: '文书日期格式', retention: '卷宗保管期限' };

/** 系统设置 → 文书设置: the 管理员 changes the court, the date style and the retention, audited. */
export async function saveDocumentSettings(
  ctx: ServiceContext,
  input: z.output<typeof saveDocumentSettingsInput>,
): Promise<DocumentSettingsDto> {
  const before = await documentSettings(ctx.repos);
  const shown = (key: keyof typeof labels, v: string) =>
    key === 'dateStyle' ? dateStyleLabels[v as keyof typeof dateStyleLabels] : v;
  const changes: string[] = [];
  for (const key of Object.keys(labels) as (keyof typeof labels)[]) {
    if (input[key] === before[key]) continue;
    await ctx.repos.settings.set(keys[key], input[key]);
    changes.push(`${labels[key]}：${shown(key, before[key])} → ${shown(key, input[key])}`);
  }
  ctx.audit.detail = changes.join('；') || '无变化';
  return documentSettings(ctx.repos);
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
