import { generateAccess } from '../../../main/contract';
import { useAccess } from '../../app/access';
import { useGetWorkflowQuery } from '../workflow/workflowApi';
import { PrintDocumentButton } from './PrintDocumentButton';

/**
 * Once an agreement is recorded, printing it is what the case page is for: its primary action,
 * two clicks to the printer (打印协议书 → the preview's 打印).
 */
export function AgreementPrintAction({ caseId }: { caseId: string }) {
  const { can } = useAccess();
  const { data: wf } = useGetWorkflowQuery(caseId);
  const agreement = wf?.agreement;
  if (!wf || !agreement || wf.status === 'voided' || !can(generateAccess('agreement'))) return null;
  const written = agreement.kind === 'written';
  return (
    <PrintDocumentButton
      caseId={caseId}
      kind={written ? 'agreement' : 'oral-agreement'}
      label={written ? '打印协议书' : '打印口头协议登记表'}
      primary
    />
  );
}
