import { createHash } from 'node:crypto';
import type { DocumentFileDto } from '../../contract';
import type { ServiceContext } from '../context';
import { REFUSAL_NOTICE_TITLE } from '../documents';
import type { RefusalReasonCode, RouteCode } from '../documents/generators/refusalNotice';
import { NotFoundError } from '../errors';
import { documentSettings, sealTextOf } from './settings';
import { DOCX_MIME } from './versions';

// The 不予受理告知书 for a recorded 不予受理, as .docx like the case forms: made on request (each
// copy audited: it leaves the encrypted store), signed for by the visitor, never stored — the
// record it is made from is.

export async function refusalNoticeFile(ctx: ServiceContext, refusalId: string): Promise<DocumentFileDto> {
  const refusal = ctx.repos.refusals.byId(refusalId);
  if (!refusal) throw new NotFoundError('找不到该不予受理登记，请刷新后重试');
  const [settings, org, type] = await Promise.all([
    documentSettings(ctx.repos),
    // The committee whose desk refused it issues the notice (a sector committee at the county centre,
    // or a township's when its refusals came in an exchange package), not whoever prints it.
    ctx.repos.catalog.organisation(refusal.organisationId),
    ctx.repos.catalog.disputeType(refusal.disputeType),
  ]);
  if (!org) throw new NotFoundError('找不到作出不予受理的调解组织记录');
  const { packDocument, refusalNoticeDocument } = await import('../documents/generators/index');
  const doc = refusalNoticeDocument({
    committee: {
      name: org.name,
      sealText: sealTextOf(org, ctx.repos.documents.sealText(org.id), settings.county),
    },
    settings: { dateStyle: settings.dateStyle, defaultCourt: settings.defaultCourt },
    applicantName: refusal.applicantName,
    otherPartyName: refusal.otherPartyName,
    disputeType: type?.name ?? refusal.disputeType,
    officialDisputeType: type?.officialCode ?? type?.code ?? 'other',
    receivedDate: refusal.receivedOn,
    reason: refusal.reason as RefusalReasonCode,
    reasonDetail: refusal.reasonDetail,
    routes: JSON.parse(refusal.routes) as RouteCode[],
  });
  const data = await packDocument(doc);
  const sha256 = createHash('sha256').update(data).digest('hex');
  ctx.audit.target = refusal.id;
  ctx.audit.detail = `${REFUSAL_NOTICE_TITLE}：${refusal.applicantName}（${refusal.receivedOn}）`;
  return {
    fileName: `${REFUSAL_NOTICE_TITLE}-${refusal.applicantName}-${refusal.receivedOn}.docx`.replace(
      /[\\/:*?"<>|\s]+/g,
      '',
    ),
    mimeType: DOCX_MIME,
    sha256,
    dataBase64: data.toString('base64'),
  };
}
