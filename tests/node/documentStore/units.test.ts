import { describe, expect, it } from 'vitest';
import { caseStatuses, documentKindIds, documentKindLabels } from '../../../main/contract';
import { documentKinds } from '../../../main/core/documents';
import {
  officeDateTime,
  parseStatements,
  sealTextOf,
  splitList,
  splitRequests,
  stageOfStatus,
} from '../../../main/core/documentStore';
import { fileNameOf } from '../../../main/core/documentStore/versions';

// The small rules of the mapping from what the desk stores to what the forms print.

describe('the mapping rules', () => {
  it('keeps the contract’s 13 kinds identical to the document registry, in binding order', () => {
    expect([...documentKindIds]).toEqual(documentKinds.map((k) => k.id));
    for (const k of documentKinds) expect(documentKindLabels[k.id], k.id).toBe(k.title);
  });

  it('places every workflow status on a document stage; a voided case prints nothing', () => {
    expect(Object.keys(stageOfStatus).sort()).toEqual([...caseStatuses].sort());
    expect(stageOfStatus).toMatchObject({
      accepted: 'registered',
      mediating: 'mediating',
      succeeded: 'agreed',
      performing: 'agreed',
      visited: 'agreed',
      terminated: 'terminated',
      informed: 'terminated',
      closed: 'closed',
      voided: null,
    });
  });

  it('derives the seal from the county and the committee unless the organisation records its own', () => {
    const township = { name: '渠口乡人民调解委员会', kind: 'township' as const, township: '渠口乡' };
    expect(sealTextOf(township, null, '平罗县')).toBe('平罗县渠口乡人民调解委员会');
    expect(
      sealTextOf({ name: '六顷地村人民调解委员会', kind: 'village', township: '渠口乡' }, null, '平罗县'),
    ).toBe('平罗县渠口乡六顷地村人民调解委员会');
    expect(
      sealTextOf({ name: '平罗县医疗纠纷人民调解委员会', kind: 'sector', township: null }, null, '平罗县'),
    ).toBe('平罗县医疗纠纷人民调解委员会');
    expect(sealTextOf(township, ' 平罗县渠口乡人民调解委员会（2） ', '平罗县')).toBe(
      '平罗县渠口乡人民调解委员会（2）',
    );
  });

  it('reads the clerk’s free text the way the forms need it', () => {
    expect(splitRequests('1、支付欠款58,300元\n（2）恢复原状\n三、赔礼道歉\n\n承担费用')).toEqual([
      '支付欠款58,300元',
      '恢复原状',
      '赔礼道歉',
      '承担费用',
    ]);
    expect(splitList('张志军、张晓峰（委托代理人）， 马玉兰;王建国')).toEqual([
      '张志军',
      '张晓峰（委托代理人）',
      '马玉兰',
      '王建国',
    ]);
    expect(parseStatements('问：面积多少？\n答：48亩。\n双方情绪平稳，同意继续协商。')).toEqual([
      { speaker: '问', text: '面积多少？' },
      { speaker: '答', text: '48亩。' },
      { speaker: '', text: '双方情绪平稳，同意继续协商。' },
    ]);
    // Times are stored as instants and printed on Beijing's wall clock.
    expect(officeDateTime('2026-11-30T16:05:00.000Z')).toBe('2026-12-01T00:05');
  });

  it('names files so every file system takes them', () => {
    expect(fileNameOf('（2026）平调字第0001号', '调解终止告知书（告知其他途径）', 3)).toBe(
      '（2026）平调字第0001号-调解终止告知书-第3版.docx',
    );
    expect(fileNameOf('2026/平:1', '人民调解协议书', 1)).toBe('2026平1-人民调解协议书-第1版.docx');
  });
});
