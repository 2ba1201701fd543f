import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeTables } from '../../../main/contract/province/infoSets';
import { publishedFiles } from '../../../main/core/reporting/published';

const root = join(import.meta.dirname, '../../..');
const seed = JSON.parse(readFileSync(join(root, 'resources/seed/pingluo-villages.json'), 'utf8')) as {
  villages: { code: string; name: string; township: string }[];
};

describe('the published schema of the provincial package', () => {
  it('is what the zod schemas generate (run `npm run province:schema` after changing them)', () => {
    for (const [path, content] of Object.entries(publishedFiles(seed.villages))) {
      expect(readFileSync(join(root, path), 'utf8'), path).toBe(content);
    }
  });

  it('publishes the national code tables and every Pingluo division code', () => {
    const codes = JSON.parse(
      readFileSync(join(root, 'resources/province/schema/v1/codes.json'), 'utf8'),
    ) as Record<string, { codes: Record<string, string> }>;
    expect(codes.sex!.codes).toMatchObject({ '1': '男性', '2': '女性' });
    expect(codes.ethnicity!.codes).toMatchObject({ '01': '汉族', '03': '回族', '56': '基诺族' });
    expect(Object.keys(codes.disputeType!.codes)).toHaveLength(18);
    expect(codes.idType!.codes['111']).toBe('居民身份证');
    // 1 county + 13 towns + 182 village-level units.
    expect(Object.keys(codes.division!.codes)).toHaveLength(196);
    expect(codes.division!.codes['640221104000']).toBe('姚伏镇');
    expect(Object.keys(codes)).toEqual([...Object.keys(codeTables), 'division']);
  });

  it('has a Chinese field dictionary naming each field, its type, whether required and its code table', () => {
    const text = readFileSync(join(root, 'resources/province/dictionary.zh-CN.md'), 'utf8');
    expect(text).toContain(
      '| `parties[].idNumber` | 证件号码 | 字符串 | 否 |  | 身份证件号码；个人信息，按映射全量或脱敏 |',
    );
    expect(text).toContain('| `disputeType` | 纠纷类型 | 字符串 | 是 | disputeType |');
    expect(text).toContain('## 人民调解案件（cases.json）');
  });
});
