import type { DocumentCase } from './model';

// Fixed sentences of the forms. They are defaults, not law: a committee can override any of them
// in settings (DocumentSettings.texts) without a code change. Placeholders are {name}.

export const defaultTexts = {
  applicationDeclaration:
    '人民调解委员会已向本人告知人民调解的性质、原则、效力以及当事人在调解活动中享有的权利和承担的义务，本人自愿申请人民调解委员会调解。',
  intakeConsent: '经当事人同意，本委员会决定受理{parties}之间的{disputeType}纠纷，并进行调解。',
  rightsIntro:
    '人民调解委员会是依法设立的调解民间纠纷的群众性组织。人民调解遵循当事人自愿、平等，不违背法律、法规和国家政策，尊重当事人权利的原则，不收取任何费用。为保障当事人依法行使权利、履行义务，现将调解活动中当事人享有的权利和承担的义务告知如下：',
  rights: [
    '选择或者接受人民调解员；',
    '接受调解、拒绝调解或者要求终止调解；',
    '要求调解公开进行或者不公开进行；',
    '自主表达意愿、自愿达成调解协议。',
  ].join('\n'),
  duties: ['如实陈述纠纷事实；', '遵守调解现场秩序，尊重人民调解员；', '尊重对方当事人行使权利。'].join('\n'),
  rightsOutro:
    '人民调解不是解决纠纷的必经程序。当事人不愿调解或者调解不成的，可以依法通过仲裁、行政、司法等途径维护自己的权利。',
  rightsAcknowledge: '本人已知悉上述权利和义务。',
  agreementIntro: '经调解，自愿达成如下协议：',
  agreementCopies: '本协议一式{copies}份，当事人、人民调解委员会各持一份。',
  agreementEffect:
    '本协议自各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起生效。',
  oralAgreementNote: '当事人不要求制作调解协议书，本口头协议自达成之日起生效。',
  confirmationRequest: '确认申请人于{date}经{committee}主持调解达成的调解协议（编号：{number}）有效。',
  confirmationFacts:
    '申请人之间因{disputeType}纠纷，于{date}经{committee}主持调解，自愿达成调解协议，协议约定：',
  confirmationCommitment:
    '申请人出于解决纠纷的目的自愿达成协议，没有恶意串通、规避法律的行为；如果因为该协议内容损害国家利益、集体利益或者他人合法权益的，申请人愿意承担相应的民事责任和其他法律责任。',
  terminationBody:
    '{parties}之间的{disputeType}纠纷，本委员会于{received}受理并进行调解。因{reason}，依照《中华人民共和国人民调解法》第二十六条的规定，本委员会决定终止调解。',
  terminationRoutes: '你们可以依法通过{routes}等途径维护自己的权利。',
  recordAcknowledge: '以上记录已经本人阅看（或者向本人宣读），与本人所述一致。',
  investigationAcknowledge: '以上记录本人已看过（或者已向本人宣读），记录属实。',
} as const;

export type TextKey = keyof typeof defaultTexts;

/** The committee's wording for a sentence, with {placeholders} filled. */
export function text(c: DocumentCase, key: TextKey, vars: Record<string, string | number> = {}): string {
  const template = c.settings.texts?.[key] ?? defaultTexts[key];
  return template.replace(/\{(\w+)\}/g, (_whole, name: string) => {
    const value = vars[name];
    if (value === undefined) throw new Error(`文书模板缺少变量 ${name}（${key}）`);
    return String(value);
  });
}

export function textLines(c: DocumentCase, key: TextKey): string[] {
  return text(c, key)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}
