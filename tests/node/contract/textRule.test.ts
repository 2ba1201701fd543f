import { describe, expect, it } from 'vitest';
import {
  findHiddenCharacter,
  longText,
  safeDisplayName,
  searchText,
  stripHiddenCharacters,
  text,
} from '../../../main/contract';
import { aCase, aPerson } from '../../fixtures/builders';
import { addUser, setUpApp, switchUser } from '../../helpers/app';

// Issue 8 §3: one text rule for every free-text field. U+FFFE in a party name made every document
// of the case invalid XML; U+202E made “invoice‮fdp.exe” display as “invoiceexe.pdf”; lone
// surrogates became U+FFFD silently.

const REFUSED: [string, string][] = [
  ['\u0000', 'U+0000'],
  ['\u0007', 'U+0007'],
  ['\u001b', 'U+001B'],
  ['\u007f', 'U+007F'],
  ['\u0085', 'U+0085'],
  ['\u009f', 'U+009F'],
  ['\ufffe', 'U+FFFE'],
  ['\uffff', 'U+FFFF'],
  ['\ufdd0', 'U+FDD0'],
  ['\ufdef', 'U+FDEF'],
  ['\u{1fffe}', 'U+1FFFE'],
  ['\u{10ffff}', 'U+10FFFF'],
  ['\ud800', 'U+D800'],
  ['\udfff', 'U+DFFF'],
  ['\u202a', 'U+202A'],
  ['\u202e', 'U+202E'],
  ['\u2066', 'U+2066'],
  ['\u2069', 'U+2069'],
  ['\u200e', 'U+200E'],
  ['\u200f', 'U+200F'],
  ['\u061c', 'U+061C'],
];

/** Characters a real name, address or statement may hold. */
const ACCEPTED = [
  '马玉兰',
  '𠀀𠀁',
  '👨‍👩‍👧‍👦',
  'é',
  'Zoë O’Brien-Smith',
  '<&>"\'',
  '　全角空格',
  'مرحبا',
  '\u200b',
];

describe('the text rule', () => {
  it('refuses each hidden character, naming the field, the problem and the code point', () => {
    const name = text('当事人姓名', 40, 1);
    for (const [ch, label] of REFUSED) {
      const result = name.safeParse(`张${ch}三`);
      expect(result.success, label).toBe(false);
      expect(result.error?.issues[0]?.message, label).toMatch(
        new RegExp(`^当事人姓名含有.*（${label.replace('+', '\\+')}），.*请删除后重新输入$`),
      );
    }
    expect(name.safeParse('张\u202e三').error?.issues[0]?.message).toBe(
      '当事人姓名含有不可见的文字方向控制字符（U+202E），会使显示的内容与实际不符，请删除后重新输入',
    );
    expect(name.safeParse('张\u0007三').error?.issues[0]?.message).toBe(
      '当事人姓名含有不可见的控制字符（U+0007），请删除后重新输入',
    );
  });

  it('accepts real text, in one line and in long text', () => {
    for (const s of ACCEPTED) {
      expect(text('姓名', 40, 1).safeParse(s).success, s).toBe(true);
      expect(longText('情况', 400).safeParse(`${s}\n${s}`).success, s).toBe(true);
    }
  });

  it('allows newline and tab only in long text, and stores Windows line ends as \\n', () => {
    expect(text('姓名', 40).safeParse('张\n三').error?.issues[0]?.message).toBe('姓名不能换行，请写在一行内');
    expect(text('姓名', 40).safeParse('张\t三').error?.issues[0]?.message).toContain('U+0009');
    expect(longText('纠纷简要情况', 400).parse('第一段\r\n\t第二段\r第三段')).toBe(
      '第一段\n\t第二段\n第三段',
    );
    expect(longText('纠纷简要情况', 400).safeParse('第一段\u000b第二段').success).toBe(false);
  });

  it('finds a hidden character only where it is, not in a surrogate pair that is fine', () => {
    expect(findHiddenCharacter('𠀀', { multiline: false })).toBeNull();
    expect(findHiddenCharacter('a\u{1fffe}', { multiline: false })).toEqual({
      kind: 'noncharacter',
      codePoint: 0x1fffe,
      index: 1,
    });
    expect(stripHiddenCharacters('毒\ufffe\u202e\ud800𠀀尾\r\n')).toBe('毒𠀀尾\n');
  });

  it('search boxes drop hidden characters instead of refusing', () => {
    expect(searchText('搜索', 200).parse('马\u0000兰\u202e')).toBe('马兰');
  });
});

describe('file names keep only a safe display name', () => {
  it.each([
    ['../../etc/cron.d/x.pdf', 'x.pdf'],
    ['C:\\Users\\clerk\\Desktop\\扫描件.pdf', '扫描件.pdf'],
    ['invoice\u202efdp.exe', 'invoicefdp.exe'],
    ['..', ''],
    ['.bashrc', 'bashrc'],
    ['a\u0000b\u0007c.png', 'abc.png'],
    ['协议书 :*?"<>|.jpg', '协议书 _______.jpg'],
    ['trailing. . .', 'trailing'],
    [`${'长'.repeat(300)}.jpeg`, `${'长'.repeat(95)}.jpeg`],
  ])('%j → %j', (raw, shown) => {
    expect(safeDisplayName(raw)).toBe(shown);
  });
});

describe('at the channels', () => {
  it('refuses U+FFFE, a lone surrogate and U+202E in a party name, naming the field', async () => {
    const app = await setUpApp();
    const clerk = await addUser(app, 'clerk', ['intake']);
    await switchUser(app, clerk.username, clerk.password);
    for (const [ch, label] of [
      ['\ufffe', 'U+FFFE'],
      ['\ud800', 'U+D800'],
      ['\u202e', 'U+202E'],
    ]) {
      const result = await app.call(
        'cases:create',
        aCase({ parties: [aPerson({ name: `马${ch}兰` }), aCase().parties[1]!] }),
      );
      expect(result.ok, label).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('VALIDATION');
        expect(result.error.message).toContain('姓名含有');
        expect(result.error.message).toContain(`（${label}）`);
        expect(result.error.issues?.[0]?.path).toEqual(['parties', 0, 'name']);
      }
    }
    const summary = await app.call(
      'cases:create',
      aCase({ summary: '双方因院墙发生纠纷\u2066，协商未果。' }),
    );
    expect(summary.ok).toBe(false);
    if (!summary.ok)
      expect(summary.error.message).toMatch(
        /^纠纷简要情况：纠纷简要情况含有不可见的文字方向控制字符（U\+2066）/,
      );
    expect((await app.ok('cases:list', {})).total).toBe(0);
  });
});
