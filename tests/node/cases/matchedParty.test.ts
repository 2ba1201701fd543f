import { describe, expect, it } from 'vitest';
import { foundByOwnText, matchedParty } from '../../../main/core/cases/matchedParty';

// The list says which party a search found a case by; a case found by its own text needs no
// party read. These pin down when the read may be skipped: never when a party could be the reason.
const row = { summary: '因宅基地院墙界线发生争议', requests: '请求拆除院墙', partyNames: '马玉兰 与 张伟' };

describe('found by its own text', () => {
  it('a summary word that is in no party name: found by the text', () => {
    expect(foundByOwnText(row, '院墙')).toBe(true);
    expect(foundByOwnText(row, '宅基地 院墙')).toBe(true);
  });

  it('a word also in a party’s name, a word not in the text, or a number: the parties are read', () => {
    expect(foundByOwnText({ ...row, summary: '马玉兰家院墙倒塌' }, '马玉兰')).toBe(false);
    expect(foundByOwnText(row, '赵子龙')).toBe(false);
    expect(foundByOwnText(row, '院墙 赵子龙')).toBe(false);
    expect(foundByOwnText({ ...row, summary: '电话7788联系' }, '7788')).toBe(false);
    expect(foundByOwnText(row, '')).toBe(false);
  });

  it('agrees with matchedParty: a text-found case has no party singled out by name', () => {
    const parties = [
      {
        caseId: 'c',
        name: '马玉兰',
        phone: null,
        idNumber: null,
        creditCode: null,
        representative: null,
        agentName: null,
        agentPhone: null,
      },
    ];
    expect(matchedParty(parties, '院墙')).toBeNull();
    expect(matchedParty(parties, '玉兰')).toBe('马玉兰');
  });
});
