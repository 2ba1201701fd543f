import type { Document } from 'docx';
import type { Committee, DocumentSettings, IsoDate } from '../model';
import { formatDate } from '../layout/dates';
import { formDocument } from '../layout/page';
import { body, heading, plain, title } from '../layout/paragraphs';
import { sealAndDate, signLines } from '../layout/signatures';
import { REFUSAL_NOTICE_TITLE } from '../titles';

// 不予受理告知书: what the visitor takes away when a dispute is not accepted — the reason and its
// legal basis, and where else to go (court, arbitration, administration, police). A receipt
// follows for the visitor's signature. Not a case: it is made from the 不予受理 record.

export type RefusalReasonCode = 'party_refused' | 'already_accepted' | 'not_civil' | 'other';
export type RouteCode = 'litigation' | 'arbitration' | 'administrative' | 'petition' | 'police';

export interface RefusalNotice {
  committee: Committee;
  settings: DocumentSettings;
  applicantName: string;
  otherPartyName: string | null;
  disputeType: string;
  /** The official (statistical) type the dispute reports under: which arbitration body hears it. */
  officialDisputeType: string;
  receivedDate: IsoDate;
  reason: RefusalReasonCode;
  reasonDetail: string | null;
  routes: readonly RouteCode[];
}

/** The finding, and the rule it rests on (domain.md §1). */
const findings: Record<RefusalReasonCode, { finding: string; basis: string | null }> = {
  party_refused: { finding: '对方当事人明确拒绝调解', basis: '《中华人民共和国人民调解法》第十七条' },
  already_accepted: {
    finding: '该纠纷已由人民法院、公安机关或者其他行政机关受理或者处理',
    basis: '司法部《人民调解工作若干规定》第二十二条',
  },
  not_civil: {
    finding: '该事项不属于人民调解委员会调解的民间纠纷',
    basis: '《中华人民共和国人民调解法》第二条',
  },
  other: { finding: '', basis: null },
};

/** Which arbitration body: labour disputes and rural land disputes each have their own. */
function arbitration(officialType: string): string {
  if (officialType === 'labour') return '向劳动人事争议仲裁委员会申请仲裁';
  if (officialType === 'land_forest') return '向农村土地承包经营纠纷仲裁委员会申请仲裁';
  return '双方有仲裁协议的，向约定的仲裁委员会申请仲裁';
}

export function routeSentences(
  n: Pick<RefusalNotice, 'routes' | 'officialDisputeType' | 'settings'>,
): string[] {
  const sentence: Record<RouteCode, string> = {
    litigation: `向${n.settings.defaultCourt}提起诉讼`,
    arbitration: arbitration(n.officialDisputeType),
    administrative: '向有关行政机关申请处理',
    petition: '通过信访渠道反映',
    police: '涉及违法犯罪的，向公安机关报案或者求助',
  };
  return n.routes.map((r) => sentence[r]);
}

export function refusalNoticeDocument(n: RefusalNotice): Document {
  const { finding, basis } = findings[n.reason];
  const between = n.otherPartyName ? `你与${n.otherPartyName}之间的` : '';
  const because =
    n.reason === 'other'
      ? `经审查，${n.reasonDetail ?? '该纠纷不宜由本委员会调解'}，本委员会决定不予受理。`
      : `经审查，${finding}，依照${basis}的规定，本委员会决定不予受理。`;
  const routes = routeSentences(n);
  const detail = n.reason !== 'other' && n.reasonDetail ? [body(`具体情况：${n.reasonDetail}`)] : [];
  return formDocument({
    title: REFUSAL_NOTICE_TITLE,
    creator: n.committee.name,
    children: [
      title(REFUSAL_NOTICE_TITLE),
      plain(`${n.applicantName}：`),
      body(
        `你于${formatDate(n.receivedDate, n.settings.dateStyle)}向本委员会申请调解${between}${n.disputeType}纠纷。${because}`,
      ),
      ...detail,
      ...(routes.length
        ? [
            body('人民调解不是解决纠纷的必经程序。你可以依法通过以下途径解决：', { keepNext: true }),
            ...routes.map((r, i) =>
              body(`（${'一二三四五'[i]}）${r}${i === routes.length - 1 ? '。' : '；'}`, {
                keepNext: i < routes.length - 1,
              }),
            ),
          ]
        : []),
      body('特此告知。', { keepNext: true }),
      ...sealAndDate(n, n.receivedDate),
      heading('送达回执：本告知书已收到。'),
      ...signLines([{ left: '来访人（签名或者按指印）：', right: '年　　月　　日' }], false),
    ],
  });
}
