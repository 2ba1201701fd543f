import type { ChannelInput, ChannelName } from '../../../main/contract';
import { aCase, aPerson } from '../../fixtures/builders';
import { ONE_PIXEL_PNG, type Target } from './world';

// A valid input for every channel that takes a case-scoped id, naming the target case's
// records. The scope matrix calls each as several users; a channel that declares such an id
// and has no sample here fails the matrix test, so a new channel is never left out.

export interface Caller {
  /** The committee the caller may register into. */
  committee: string;
  /** A roster mediator the caller may assign. */
  mediator: string;
}

type Sample<K extends ChannelName> = (t: Target, c: Caller) => ChannelInput<K>;
type Samples = { [K in ChannelName]?: Sample<K> };

const today = '2026-11-30';

export const samples: Samples = {
  'cases:create': (t, c) =>
    aCase({
      committeeId: c.committee,
      parties: [
        aPerson({ partyId: t.partyId, casePartyId: t.casePartyId, idNumber: undefined, name: '同一当事人' }),
        aPerson({ role: 'respondent', name: '另一当事人', idNumber: undefined }),
      ],
      relatedCaseIds: [t.caseId],
      repeatReason: '与关联案件系同一当事人的另一纠纷',
    }),
  'cases:checkRepeats': (t) => ({
    township: '姚伏镇',
    parties: [{ name: '马玉兰' }],
    excludeCaseId: t.caseId,
  }),
  'cases:update': (t) => {
    const { committeeId: _c, relatedCaseIds: _r, repeatReason: _why, ...fields } = aCase();
    return {
      ...fields,
      id: t.caseId,
      version: t.version,
      parties: [
        aPerson({ partyId: t.partyId, casePartyId: t.casePartyId, idNumber: undefined, name: '同一当事人' }),
        aPerson({ role: 'respondent', name: '另一当事人', idNumber: undefined }),
      ],
      reason: '更正登记信息',
    };
  },
  'cases:void': (t) => ({ id: t.caseId, reason: '重复登记，误操作' }),
  'cases:get': (t) => ({ id: t.caseId }),
  'cases:revealIdNumber': (t) => ({ caseId: t.caseId, casePartyId: t.casePartyId }),
  'workflow:get': (t) => ({ caseId: t.caseId }),
  'dispatch:suggest': (t) => ({ caseId: t.caseId }),
  'workflow:dispatch': (t, c) => ({
    caseId: t.caseId,
    committeeId: c.committee,
    mediatorIds: [c.mediator],
    leadMediatorId: c.mediator,
  }),
  'workflow:respond': (t) => ({ caseId: t.caseId, accept: false, reason: '不属于本会受理范围' }),
  'workflow:transfer': (t, c) => ({
    caseId: t.caseId,
    committeeId: c.committee,
    mediatorIds: [c.mediator],
    leadMediatorId: c.mediator,
    reason: '改由本会调解员继续调解',
  }),
  'workflow:escalate': (t) => ({ caseId: t.caseId, riskNote: '双方矛盾激化，需上级协调' }),
  'workflow:referOut': (t) => ({
    caseId: t.caseId,
    route: 'litigation',
    told: '已告知当事人可向人民法院起诉',
    referredOn: today,
  }),
  'workflow:addRecord': (t) => ({
    caseId: t.caseId,
    kind: 'mediation',
    heldAt: '2026-11-30T01:00:00.000Z',
    place: '调解室',
    partiesPresent: '双方当事人',
    rightsNotified: true,
    statements: '双方陈述各自意见，调解员释法说理。',
    recorder: '记录人',
  }),
  'workflow:addAttachment': (t) => ({
    caseId: t.caseId,
    recordId: t.recordId,
    fileName: '照片.png',
    mimeType: 'image/png',
    dataBase64: ONE_PIXEL_PNG,
  }),
  'workflow:getAttachment': (t) => ({ id: t.attachmentId }),
  'workflow:recordAgreement': (t) => ({
    caseId: t.caseId,
    kind: 'written',
    facts: '双方因货款发生纠纷，经调解被申请人同意付款，各自承担相应责任。',
    terms: ['被申请人于2026年12月10日前支付货款捌仟元整。'],
    performanceManner: '银行转账',
    performancePlace: '平罗县',
    performanceDeadline: '2026-12-10',
    reachedOn: today,
    effectiveOn: today,
  }),
  'workflow:setEffective': (t) => ({ caseId: t.caseId, effectiveOn: today }),
  'workflow:confirmationRuling': (t) => ({
    caseId: t.caseId,
    court: '平罗县人民法院',
    outcome: 'confirmed',
    ruledOn: today,
    rulingNumber: '（2026）宁0221民特12号',
  }),
  'workflow:beginPerformance': (t) => ({ caseId: t.caseId }),
  'workflow:recordVisit': (t) => ({
    caseId: t.caseId,
    visitedOn: today,
    visitor: '马秀英',
    performanceStatus: 'performed',
    satisfaction: 'satisfied',
    escalationSigns: false,
    situation: '协议已全部履行，双方满意。',
  }),
  'workflow:terminate': (t) => ({
    caseId: t.caseId,
    kind: 'failed',
    reason: '双方分歧较大，调解不成',
    terminatedOn: today,
  }),
  'workflow:informRoutes': (t) => ({
    caseId: t.caseId,
    routes: ['litigation'],
    how: '当面告知',
    toldOn: today,
  }),
  'workflow:close': (t) => ({ caseId: t.caseId }),
  'workflow:riskReport': (t) => ({ caseId: t.caseId, reported: false, reasonNotReported: '不涉及刑事风险' }),
  'workflow:extendDeadline': (t) => ({ caseId: t.caseId, days: 10, consent: '双方当事人同意延长' }),
  'documents:list': (t) => ({ caseId: t.caseId }),
  'documents:generate': (t) => ({
    caseId: t.caseId,
    kind: 'application',
    confirmation: { applicantPartyIds: [t.casePartyId] },
  }),
  'documents:versions': (t) => ({ caseId: t.caseId }),
  'documents:get': (t) => ({ versionId: t.documentId }),
  'documents:export': (t) => ({ versionId: t.documentId, mode: 'download' }),
  'documents:attachScan': (t) => ({
    versionId: t.documentId,
    fileName: '签字页.png',
    mimeType: 'image/png',
    dataBase64: ONE_PIXEL_PNG,
  }),
  'documents:getScan': (t) => ({ scanId: t.scanId }),
  'dossiers:get': (t) => ({ caseId: t.caseId }),
  'dossiers:file': (t) => ({ caseId: t.caseId, retention: '长期' }),
  'dossiers:update': (t) => ({ caseId: t.caseId, retention: '长期', title: '土地承包经营纠纷卷' }),
  'dossiers:attachPaper': (t) => ({
    caseId: t.caseId,
    item: 'agreement',
    fileName: '协议书签字页.png',
    mimeType: 'image/png',
    dataBase64: ONE_PIXEL_PNG,
  }),
  'dossiers:archive': (t) => ({ caseId: t.caseId }),
  'dossiers:reopen': (t) => ({ caseId: t.caseId, reason: '补充当事人履行凭证后重新归档' }),
  'dossiers:pdf': (t) => ({ caseId: t.caseId }),
  'dossiers:review': (t) => ({ caseId: t.caseId, scores: {}, reviewedOn: today }),
  'dossiers:exportBatch': (t) => ({ caseIds: [t.caseId], target: 'zip' }),
  // ── screening & subsidy (issue 15) ──
  'screening:record': (t, c) => {
    const { committeeId: _c, source: _s, ...fields } = aCase();
    return {
      organisationId: c.committee,
      heldOn: today,
      conductedBy: '李青、王芳',
      method: 'general',
      area: '辖区各村组',
      findings: [
        { kind: 'dispute', summary: '与已登记纠纷有关的新情况', disposition: 'linked', caseId: t.caseId },
        {
          kind: 'dispute',
          summary: '排查发现的邻里纠纷',
          disposition: 'new_case',
          newCase: {
            ...fields,
            committeeId: c.committee,
            parties: [
              aPerson({
                partyId: t.partyId,
                casePartyId: t.casePartyId,
                idNumber: undefined,
                name: '同一当事人',
              }),
              aPerson({ role: 'respondent', name: '另一当事人', idNumber: undefined }),
            ],
            relatedCaseIds: [t.caseId],
            repeatReason: '与关联案件系同一当事人的另一纠纷',
          },
        },
      ],
    };
  },
  'subsidy:setGrade': (t) => ({ caseId: t.caseId, grade: 'major', reason: '涉及人数众多，社会影响较大' }),
};

/**
 * The order the in-scope calls run in, so that one call's success does not take the case from
 * the next: steps that move the case on or away come last. Channels not listed run before these.
 */
export const lastInOrder: ChannelName[] = [
  'workflow:respond',
  'workflow:dispatch',
  'workflow:transfer',
  'workflow:recordAgreement',
  'workflow:setEffective',
  'workflow:confirmationRuling',
  'workflow:beginPerformance',
  'workflow:recordVisit',
  'workflow:terminate',
  'workflow:informRoutes',
  'workflow:close',
  'workflow:escalate',
  'workflow:referOut',
  'cases:void',
];

/**
 * Steps that take the case from its mediators (escalation, referral out): each in-scope call of
 * these gets a case of its own, so that the next role still finds the case assigned.
 */
export const endsAssignment: ChannelName[] = ['workflow:escalate', 'workflow:referOut'];
