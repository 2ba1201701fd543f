import { Button, Result, Space, Typography } from 'antd';
import { useNavigate } from 'react-router';
import type { CaseDetail } from '../../../main/contract';
import { PrintDocumentButton } from '../documents/PrintDocumentButton';

/**
 * The new case number, large, for the clerk to read out or write on the file, and the forms the
 * parties sign at the desk before they leave (申请书, 受理登记表, 权利义务告知书), one click each.
 */
export function IntakeSuccess({ created, onNext }: { created: CaseDetail; onNext: () => void }) {
  const navigate = useNavigate();
  const first = created.parties.find((p) => p.role === 'applicant')?.name ?? '';
  return (
    <Result
      status="success"
      title="登记成功"
      subTitle={`${created.disputeTypeName}纠纷 · ${created.township} · 申请人 ${first} 等 ${created.parties.length} 方当事人`}
      extra={[
        <Button key="next" type="primary" autoFocus onClick={onNext}>
          继续登记
        </Button>,
        <Button key="view" onClick={() => navigate(`/cases/${created.id}`)}>
          查看案件
        </Button>,
      ]}
    >
      <div style={{ textAlign: 'center' }}>
        <Typography.Text type="secondary">案号</Typography.Text>
        <div
          data-testid="new-case-number"
          style={{ fontSize: 32, fontWeight: 600, letterSpacing: 1, color: '#262626', margin: '4px 0' }}
        >
          {created.caseNumber}
        </div>
        <Typography.Text type="secondary">草稿已清除；可在“案件查询”中随时查看</Typography.Text>
        <div style={{ marginTop: 24 }} data-testid="intake-documents">
          <Typography.Text strong style={{ display: 'block', marginBottom: 12 }}>
            请当事人当场签署：
          </Typography.Text>
          <Space size={12} align="start" wrap style={{ justifyContent: 'center' }}>
            <PrintDocumentButton caseId={created.id} kind="application" label="打印申请书" showReasons />
            <PrintDocumentButton
              caseId={created.id}
              kind="intake-register"
              label="打印受理登记表"
              showReasons
            />
            <PrintDocumentButton
              caseId={created.id}
              kind="rights-notice"
              label="打印权利义务告知书"
              showReasons
            />
          </Space>
        </div>
      </div>
    </Result>
  );
}
