import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isSealed, open, seal, sealingKeys, token } from '../../../db/postgres/sealed';

// What the centre's server holds of a party: sealed bytes that say nothing without the office
// key, and tokens that only say "the same as".

const keys = sealingKeys(randomBytes(32));

describe('sealed values', () => {
  it('open to the text or bytes that were sealed, and carry nothing of it readable', () => {
    const name = '马晓燕 640221195902193898 13104297370';
    const sealed = seal(keys, name)!;
    expect(isSealed(sealed)).toBe(true);
    expect(open(keys, sealed)).toBe(name);
    for (const part of ['马晓燕', '640221195902193898', '13104297370', '3898']) {
      expect(sealed.includes(Buffer.from(part, 'utf8'))).toBe(false);
      expect(sealed.includes(Buffer.from(part, 'utf16le'))).toBe(false);
    }
    const bytes = Buffer.from([0, 1, 2, 250]);
    expect(open(keys, seal(keys, bytes)!)).toEqual(bytes);
    expect(seal(keys, null)).toBeNull();
    expect(open(keys, seal(keys, '')!)).toBe('');
  });

  it('differ each time the same text is sealed, so equal names do not show as equal', () => {
    expect(seal(keys, '张三')!.equals(seal(keys, '张三')!)).toBe(false);
  });

  it('refuse to open when altered, when the text/bytes mark is flipped, or under another office key', () => {
    const sealed = seal(keys, '张三')!;
    const altered = Buffer.from(sealed);
    altered[20] = altered[20]! ^ 1;
    expect(() => open(keys, altered)).toThrow();
    const relabelled = Buffer.from(sealed);
    relabelled[2] = 0x02;
    expect(() => open(keys, relabelled)).toThrow();
    expect(() => open(sealingKeys(randomBytes(32)), sealed)).toThrow();
  });

  it('make tokens equal for equal values only, and different under another office key', () => {
    expect(token(keys, '张三').equals(token(keys, '张三'))).toBe(true);
    expect(token(keys, '张三').equals(token(keys, '张四'))).toBe(false);
    expect(token(keys, '张三').equals(token(sealingKeys(randomBytes(32)), '张三'))).toBe(false);
  });

  it('are told apart from plain bytes that merely start alike', () => {
    expect(isSealed(Buffer.from('PS'))).toBe(false);
    expect(isSealed(Buffer.from([0x50, 0x53, 0x03, ...randomBytes(40)]))).toBe(false);
    expect(isSealed('PS\u0001…')).toBe(false);
  });
});
