import { Descriptions, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { caseSourceLabels, partyRoleLabels, type CaseDetail } from '../../../main/contract';
import { RiskFlagTags, RiskTag, StatusTag } from '../cases/caseTags';

/** What a dispatcher needs to decide where a case goes: type, place, parties, what it is about. */
export function CaseBrief({ detail }: { detail: CaseDetail }) {
  return (
    <>
      <div style={{ display: 'flex', alignItems: 'center', gap: 10, marginBottom: 12 }}>
        <Link to={`/cases/${detail.id}`}>
          <Typography.Title level={5} style={{ margin: 0 }} data-testid="dispatch-case-number">
            {detail.caseNumber}
          </Typography.Title>
        </Link>
        <StatusTag status={detail.status} />
        <Tag color="purple">{detail.disputeTypeName}</Tag>
      </div>
      <Descriptions size="small" column={3} styles={{ label: { width: 72 } }}>
        <Descriptions.Item label="发生地">
          {detail.township}
          {detail.village ? ` ${detail.village}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label="案件来源">{caseSourceLabels[detail.source]}</Descriptions.Item>
        <Descriptions.Item label="受理日期">{detail.receivedOn}</Descriptions.Item>
        <Descriptions.Item label="当事人" span={2}>
          <Space size={[12, 4]} wrap>
            {detail.parties.map((p) => (
              <span key={p.casePartyId}>
                <Typography.Text type="secondary">{partyRoleLabels[p.role]}</Typography.Text> {p.name}
              </span>
            ))}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label="风险">
          <Space size={4} wrap>
            <RiskTag level={detail.riskLevel} />
            <RiskFlagTags flags={detail.riskFlags} />
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label="纠纷情况" span={3}>
          <Typography.Paragraph
            ellipsis={{ rows: 2, expandable: 'collapsible', symbol: (open) => (open ? '收起' : '展开') }}
            style={{ marginBottom: 0 }}
          >
            {detail.summary}
          </Typography.Paragraph>
        </Descriptions.Item>
        <Descriptions.Item label="申请事项" span={3}>
          {detail.requests}
        </Descriptions.Item>
      </Descriptions>
    </>
  );
}
