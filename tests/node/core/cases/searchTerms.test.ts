import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, describe, expect, it } from 'vitest';
import {
  buildSearchText,
  idSuffixTerm,
  queryToMatch,
  type IdSuffixTerm,
} from '../../../../main/core/cases/searchTerms';
import { createChineseFaker, type ChineseFaker } from '../../../fixtures/chineseNames';

// A real FTS5 table with the tokenizer the app uses: syntax safety and matching are checked by
// SQLite itself, not by reading the strings.
const db = new Database(':memory:');
db.exec(`CREATE VIRTUAL TABLE search USING fts5(terms, tokenize='unicode61')`);
afterAll(() => db.close());
const insert = db.prepare<[number, string]>('INSERT INTO search(rowid, terms) VALUES (?, ?)');
const matchStmt = db.prepare<[string], { rowid: number }>(
  'SELECT rowid FROM search WHERE search MATCH ? ORDER BY rowid',
);
const clear = () => db.exec('DELETE FROM search');
const rowids = (query: string | null) => (query === null ? [] : matchStmt.all(query).map((r) => r.rowid));
const find = (userQuery: string) => rowids(queryToMatch(userQuery));

describe('buildSearchText', () => {
  it('indexes Chinese as unigrams then bigrams', () => {
    expect(buildSearchText({ names: ['张三丰'] })).toBe('张 三 丰 张三 三丰');
    expect(buildSearchText({ names: ['马'] })).toBe('马');
    expect(buildSearchText({ names: ['欧阳娜娜'] })).toBe('欧 阳 娜 娜 欧阳 阳娜 娜娜');
  });

  it('lower-cases Latin words, keeps digits, drops punctuation, folds full-width forms', () => {
    expect(buildSearchText({ words: ['Li Lei, 借款（ABC）3000元!'] })).toBe('li lei 借 款 借款 abc 3000 元');
    expect(buildSearchText({ words: ['ＡＢＣ１２３'] })).toBe('abc123');
  });

  it('indexes each distinct run once', () => {
    expect(buildSearchText({ names: ['张三'], words: ['张三 借款 张三'] })).toBe('张 三 张三 借 款 借款');
  });

  it('adds case-number sequences without their leading zeros', () => {
    expect(buildSearchText({ caseNumbers: ['（2026）平调字第0012号'] })).toBe(
      '2026 平 调 字 第 平调 调字 字第 0012 12 号',
    );
  });

  it('adds phones as bare digits and by their last four', () => {
    expect(buildSearchText({ phones: ['0952-1234567'] })).toBe('0952 1234567 09521234567 4567');
    expect(buildSearchText({ phones: ['13912345678'] })).toBe('13912345678 5678');
  });

  it('indexes an ID number only through its last-four suffix term', () => {
    const suffix = idSuffixTerm('64022119900101123x');
    expect(suffix).toBe('123x');
    expect(buildSearchText({ names: ['张三'], idSuffixes: [suffix!] })).toBe('张 三 张三 123x');
  });

  it('has no field that takes a whole ID number', () => {
    // @ts-expect-error a plain string is not an IdSuffixTerm: only idSuffixTerm() makes one
    const plain: IdSuffixTerm = '640221199001011234';
    // @ts-expect-error there is no idNumbers field
    expect(() => buildSearchText({ idNumbers: [plain] })).not.toThrow();
  });

  it('scrubs ID- and bank-card-shaped digit runs from every field, however they are written', () => {
    const faker = createChineseFaker('scrub');
    for (let i = 0; i < 300; i++) {
      const id = faker.idNumber();
      const legacy = id.slice(0, 6) + id.slice(8, 17);
      const spellings = [
        id,
        id.toLowerCase(),
        `${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}`,
        `${id.slice(0, 6)}-${id.slice(6, 14)}-${id.slice(14)}`,
        id.replace(/(.{4})/g, '$1 '),
        [...id].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join(''), // full-width
        `身份证号${id}，电话`,
        `id:${id}abc`,
        legacy,
        '6222021234567890123', // a bank card
      ];
      for (const s of spellings) {
        const text = buildSearchText({ names: [s], words: [s], caseNumbers: [s], phones: [s] });
        expect(text, s).not.toMatch(/\d{15,}/);
        expect(text, s).not.toContain(id.slice(6, 14));
        expect(text.replace(/\s/g, ''), s).not.toContain(id.slice(0, 12));
      }
    }
  });
});

describe('idSuffixTerm', () => {
  it('takes the last four characters of an 18- or 15-digit number', () => {
    expect(idSuffixTerm('440524188001010014')).toBe('0014');
    expect(idSuffixTerm(' 11010519491231002X ')).toBe('002x');
    expect(idSuffixTerm('110105491231002')).toBe('1002');
  });

  it('returns null for anything that is not an ID number', () => {
    for (const s of ['', '1234', '13912345678', '张三', '44052418800101001', '4405241880010100X4']) {
      expect(idSuffixTerm(s), s).toBeNull();
    }
  });
});

describe('queryToMatch', () => {
  it.each([
    ['张', '"张"'],
    ['张三', '"张三"'],
    ['张三丰', '"张三 三丰"'],
    ['张三 李四', '"张三" AND "李四"'],
    ['Li LEI', '"li"* AND "lei"*'],
    ['1391', '"1391"*'],
    ['0952-1234567', '"0952"* AND "1234567"*'],
    ['张三 张三', '"张三"'],
    ['"a" OR *', '"a"*'],
    ['NEAR(a b, 3)', '"a"* AND "b"* AND "3"*'],
    ['name:张三 -李四 ^王五 +赵六', '"name"* AND "张三" AND "李四" AND "王五" AND "赵六"'],
    ['a AND b NOT c', '"a"* AND "b"* AND "c"*'],
    ['or and not near', '"or"* AND "and"* AND "not"* AND "near"*'],
    ['640221199001011234', '"1234"*'],
    ['张三 640221 19900101 123X', '"张三" AND "123x"*'],
  ])('%j → %s', (input, expected) => {
    expect(queryToMatch(input)).toBe(expected);
  });

  it.each(['', '   ', '***', '"""', 'AND OR NOT', '()', '，。！', '\u0000\u200d\u0301'])(
    'returns null when nothing searchable is left: %j',
    (input) => {
      expect(queryToMatch(input)).toBeNull();
    },
  );

  it('caps very long input', () => {
    const q = queryToMatch(Array.from({ length: 100 }, (_, i) => `w${i}`).join(' '))!;
    expect(q.split(' AND ')).toHaveLength(16);
  });
});

describe('search against a real FTS5 table', () => {
  function seedCases(faker: ChineseFaker, count: number) {
    clear();
    const cases = [];
    for (let rowid = 1; rowid <= count; rowid++) {
      const applicant = faker.person();
      const respondent = faker.organisationName();
      const caseNumber = `（2026）平调字第${String(rowid).padStart(4, '0')}号`;
      insert.run(
        rowid,
        buildSearchText({
          names: [applicant.name, respondent],
          caseNumbers: [caseNumber],
          phones: [applicant.mobile],
          words: [faker.address(), '借款纠纷'],
          idSuffixes: [idSuffixTerm(applicant.idNumber)!],
        }),
      );
      cases.push({ rowid, applicant, respondent, caseNumber });
    }
    return cases;
  }

  it('finds a case by full name, part of a name, one character, phone, case number and ID', () => {
    const cases = seedCases(createChineseFaker('fts'), 300);
    for (const c of cases.slice(0, 60)) {
      const { name, mobile, idNumber } = c.applicant;
      expect(find(name), name).toContain(c.rowid);
      expect(find(name.slice(0, 2))).toContain(c.rowid);
      expect(find(name.slice(-1))).toContain(c.rowid);
      expect(find(c.respondent)).toContain(c.rowid);
      expect(find(mobile)).toContain(c.rowid);
      expect(find(mobile.slice(0, 7))).toContain(c.rowid);
      expect(find(mobile.slice(-4))).toContain(c.rowid);
      expect(find(c.caseNumber)).toContain(c.rowid);
      expect(find(`平调字第${c.rowid}号`)).toContain(c.rowid);
      expect(find(idNumber)).toContain(c.rowid);
      expect(find(`${name} ${idNumber.slice(-4)}`)).toContain(c.rowid);
    }
  });

  it('matches a 3+ character query as consecutive text, not as scattered bigrams', () => {
    clear();
    insert.run(1, buildSearchText({ names: ['张三丰'] }));
    insert.run(2, buildSearchText({ names: ['三丰张三'] }));
    insert.run(3, buildSearchText({ names: ['张三', '三丰'] }));
    expect(find('张三丰')).toEqual([1]);
    expect(find('张三')).toEqual([1, 2, 3]);
    expect(find('丰张')).toEqual([2]);
  });

  it('never produces an FTS5 syntax error, whatever is typed (fuzz)', () => {
    clear();
    insert.run(1, buildSearchText({ names: ['张三丰'], words: ['abc 123'] }));
    const faker = createChineseFaker('fuzz');
    const pieces = [
      '"',
      '""',
      "'",
      '*',
      '^',
      ':',
      '(',
      ')',
      '{',
      '}',
      '[',
      ']',
      '-',
      '+',
      ',',
      '.',
      ' ',
      '　',
      'AND',
      'OR',
      'NOT',
      'NEAR',
      'NEAR(',
      'NEAR/3',
      'terms:',
      '\\',
      '\u0000',
      '\u200d',
      '\u0301',
      '\ud800',
      '\udc00',
      '𠀀',
      'ⅻ',
      '张',
      '三丰',
      'abc',
      '123',
      'é',
      'ß',
      'İ',
      '\u19b0',
      '\u1cf2',
      '⺀',
      '々',
      '〇',
    ];
    let nonNull = 0;
    for (let i = 0; i < 5000; i++) {
      let s = '';
      const n = faker.int(0, 12);
      for (let k = 0; k < n; k++) {
        s += faker.random() < 0.6 ? faker.pick(pieces) : String.fromCodePoint(faker.int(0, 0x10ffff));
      }
      const q = queryToMatch(s);
      if (q === null) continue;
      nonNull++;
      expect(q, JSON.stringify(s)).toMatch(/^("[^"]+"\*?)( AND "[^"]+"\*?)*$/);
      expect(() => matchStmt.all(q), `${JSON.stringify(s)} → ${q}`).not.toThrow();
    }
    expect(nonNull).toBeGreaterThan(1000);
  });

  it('finds the row a text was indexed from, for random multilingual text (fuzz)', () => {
    clear();
    const faker = createChineseFaker('roundtrip');
    const letters: string[] = [];
    while (letters.length < 3000) {
      const c = String.fromCodePoint(faker.int(0x41, 0x3ffff));
      if (/[\p{L}\p{N}]/u.test(c)) letters.push(c);
    }
    const pieces = [
      '张',
      '三',
      '丰',
      '马',
      '欧阳',
      '𠀀',
      '〇',
      ' ',
      '，',
      '-',
      '"',
      '*',
      'OR',
      'ab',
      '12',
      'É',
    ];
    for (let rowid = 1; rowid <= 2000; rowid++) {
      let text = '';
      const n = faker.int(1, 10);
      for (let k = 0; k < n; k++) text += faker.random() < 0.5 ? faker.pick(pieces) : faker.pick(letters);
      insert.run(rowid, buildSearchText({ words: [text] }));
      const q = queryToMatch(text);
      if (q === null) continue;
      expect(rowids(q), `${JSON.stringify(text)} → ${q}`).toContain(rowid);
      const han = text.match(/\p{Script=Han}{2,}/u)?.[0];
      if (han) expect(find([...han].slice(1).join('')), han).toContain(rowid);
    }
  });
});
