import { Alert, Descriptions, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { caseSourceLabels, type CaseDetail } from '../../../main/contract';
import { RiskFlagTags, RiskTag, StatusTag } from './caseTags';

/** 案号 and status, then who received what, where and when. */
export function CaseHeader({ detail, actions }: { detail: CaseDetail; actions: ReactNode }) {
  return (
    <>
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="case-number">
          {detail.caseNumber}
        </Typography.Title>
        {detail.handlingNumber && (
          <Typography.Text type="secondary" data-testid="handling-number">
            承办编号 {detail.handlingNumber}
          </Typography.Text>
        )}
        <StatusTag status={detail.status} />
        <div style={{ flex: 1 }} />
        {actions}
      </div>
      {detail.voidReason && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={`本案已作废：${detail.voidReason}`}
        />
      )}
      <Descriptions size="small" column={4} styles={{ label: { width: 84 } }}>
        <Descriptions.Item label="纠纷类型">{detail.disputeTypeName}</Descriptions.Item>
        <Descriptions.Item label="案件来源">
          {caseSourceLabels[detail.source]}
          {detail.referringCourt ? `（${detail.referringCourt}）` : ''}
        </Descriptions.Item>
        <Descriptions.Item label="发生地">
          {detail.township}
          {detail.village ? ` ${detail.village}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label="受理日期">{detail.receivedOn}</Descriptions.Item>
        <Descriptions.Item label="受理调委会" span={2}>
          {detail.committeeName}
        </Descriptions.Item>
        <Descriptions.Item label="登记人">{detail.receivedByName}</Descriptions.Item>
        <Descriptions.Item label="风险">
          <Space size={4} wrap>
            <RiskTag level={detail.riskLevel} />
            <RiskFlagTags flags={detail.riskFlags} />
          </Space>
        </Descriptions.Item>
      </Descriptions>
    </>
  );
}
