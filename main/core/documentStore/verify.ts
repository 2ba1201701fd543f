import type { DocumentVersionRow, Repositories } from '../../../db';
import type { VerificationDto } from '../../contract';
import { parseVerificationInput } from '../documents';

// 核验: a clerk types the short code printed under the QR code (or pastes what a scanner read
// from it) and learns whether an agreement with exactly that content was issued by this office,
// for which case, as which version, and whether a newer version has replaced it.

const UNKNOWN =
  '未找到与该核验码相符的协议书：该协议书不是本单位出具的，或者打印后内容已被改动。请向当事人核实，并以本单位存档的协议书为准。';

function versionList(nos: number[]): string {
  return nos.length === 1 ? `第${nos[0]}版` : `第${nos.join('、')}版`;
}

export function verifyCode(repos: Repositories, code: string): VerificationDto {
  const parsed = parseVerificationInput(code);
  if (parsed.kind === 'invalid')
    return { verdict: 'invalid', message: parsed.message, shortCode: null, match: null };
  const found: DocumentVersionRow[] =
    parsed.kind === 'payload'
      ? repos.documents
          .byFingerprint(parsed.hash)
          .filter((r) => r.caseNumber === parsed.caseNumber && r.agreementNumber === parsed.agreementNumber)
      : repos.documents.byShortCode(parsed.shortCode);
  const agreements = found.filter((r) => r.kind === 'agreement');
  if (agreements.length === 0)
    return { verdict: 'unknown', message: UNKNOWN, shortCode: parsed.shortCode, match: null };

  // Versions of one case share a code when regenerated unchanged; the newest match speaks.
  const newestMatch = agreements.at(-1)!;
  const sameCase = agreements.filter((r) => r.caseId === newestMatch.caseId);
  const all = repos.documents.versions(newestMatch.caseId, 'agreement');
  const latest = all[0]!;
  const isLatest = latest.shortCode === parsed.shortCode;
  const c = repos.cases.byId(newestMatch.caseId);
  const committeeId =
    repos.workflow.caseWorkflowColumns(newestMatch.caseId)?.handlingCommitteeId ?? c?.committeeId ?? '';
  const committeeName = repos.documents.organisationName(committeeId) ?? '';
  const versionNos = sameCase.map((r) => r.versionNo).sort((a, b) => a - b);
  const which = `人民调解协议书（案号${newestMatch.caseNumber}，${versionList(versionNos)}）`;
  const voided = c?.status === 'voided' ? '注意：该案件已作废。' : '';
  const message = isLatest
    ? `与本单位出具的${which}内容一致，是该协议书的最新版本。${voided}`
    : `与本单位出具的${which}内容一致，但该协议书之后已重新生成第${latest.versionNo}版，内容有变化，请以最新版本为准。${voided}`;
  return {
    verdict: isLatest ? 'valid' : 'superseded',
    message,
    shortCode: parsed.shortCode,
    match: {
      caseId: newestMatch.caseId,
      caseNumber: newestMatch.caseNumber,
      partyNames: c?.partyNames ?? '',
      committeeName,
      agreementNumber: newestMatch.agreementNumber,
      versionNos,
      generatedAt: newestMatch.createdAt,
      generatedByName: newestMatch.generatedByName,
      latestVersionNo: latest.versionNo,
      isLatest,
    },
  };
}
