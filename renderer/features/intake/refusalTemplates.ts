import { referralRoutes, type ReferralRoute, type RefusalReason } from '../../../main/contract';

/**
 * What the clerk usually tells the person for each reason (人民调解法 art. 3, 17, 26: voluntary,
 * a clear refusal ends it, other routes stay open). A starting point the clerk edits, never sent as is.
 */
export const refusalToldTemplates: Record<RefusalReason, string> = {
  party_refused:
    '已告知：人民调解遵循自愿原则，对方当事人明确拒绝调解的，调解委员会不予调解；可以通过仲裁、行政或者诉讼等途径解决。',
  already_accepted:
    '已告知：该纠纷已由有关机关受理或处理，人民调解委员会不再受理，请向受理机关了解处理进展。',
  not_civil: '已告知：该事项不属于人民调解的民间纠纷范围，可以向有关部门反映或者通过诉讼等途径解决。',
  other: '',
};

/** The other routes a 不予受理告知书 usually names for each reason; the clerk ticks or unticks. */
export const refusalRouteTemplates: Record<RefusalReason, ReferralRoute[]> = {
  party_refused: ['litigation', 'arbitration', 'administrative'],
  already_accepted: [],
  not_civil: ['administrative', 'police'],
  other: [],
};

/** How the notice words each route (the labels of 转出 say what the desk does, these what the visitor may do). */
const routeLabels: Record<ReferralRoute, string> = {
  litigation: '向人民法院起诉',
  arbitration: '申请仲裁',
  administrative: '向行政机关申请处理',
  petition: '信访渠道',
  police: '向公安机关报案、求助',
};

export const routeOptions = referralRoutes.map((r) => ({ value: r, label: routeLabels[r] }));
