import type { Repositories } from '../../../db';
import { provinceMapping, type ProvinceMapping } from '../../contract/province/mapping';
import { ValidationError } from '../errors';
import { checkMappingPaths, SHIPPED_MAPPINGS } from './mapping';

// Mappings beyond the shipped two live in the settings table ('provinceMappings'), saved by the
// 管理员 from a JSON file: a new target format needs no new version of the desk.

const KEY = 'provinceMappings';

export async function savedMappings(repos: Repositories): Promise<ProvinceMapping[]> {
  const stored = (await repos.settings.get<unknown[]>(KEY)) ?? [];
  return stored.flatMap((m) => {
    const parsed = provinceMapping.safeParse(m);
    return parsed.success ? [parsed.data] : [];
  });
}

export async function allMappings(repos: Repositories): Promise<ProvinceMapping[]> {
  return [...SHIPPED_MAPPINGS, ...(await savedMappings(repos))];
}

export function mappingById(id: string, saved: readonly ProvinceMapping[]): ProvinceMapping {
  const found = [...SHIPPED_MAPPINGS, ...saved].find((m) => m.id === id);
  if (!found) throw ValidationError.field(['mappingId'], '报送格式', '找不到该报送格式，请重新选择');
  return found;
}

/** Reads a mapping file's text, checks it against the schema and the field dictionary, saves it. */
export async function saveMapping(repos: Repositories, text: string): Promise<ProvinceMapping> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw ValidationError.field(['mapping'], '映射文件', '不是有效的JSON文件，请检查括号、逗号和引号');
  }
  const parsed = provinceMapping.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw ValidationError.field(
      ['mapping'],
      '映射文件',
      `${issue.path.join('.') || '文件'}：${issue.message}`,
    );
  }
  const mapping = parsed.data;
  if (SHIPPED_MAPPINGS.some((m) => m.id === mapping.id)) {
    throw ValidationError.field(['mapping'], '映射文件', `映射编号 ${mapping.id} 是内置格式，请换一个编号`);
  }
  checkMappingPaths(mapping);
  const others = (await savedMappings(repos)).filter((m) => m.id !== mapping.id);
  await repos.settings.set(KEY, [...others, mapping]);
  return mapping;
}
