import { Descriptions } from 'antd';
import { formatFen, formatFenCapital, type CaseDetail } from '../../../main/contract';

/** 纠纷简要情况, 申请事项 and the amount in figures and in 大写. */
export function CaseFacts({ detail }: { detail: CaseDetail }) {
  return (
    <Descriptions size="small" column={1} bordered styles={{ label: { width: 120 } }}>
      <Descriptions.Item label="纠纷简要情况">
        <div style={{ whiteSpace: 'pre-wrap' }}>{detail.summary}</div>
      </Descriptions.Item>
      <Descriptions.Item label="申请事项">
        <div style={{ whiteSpace: 'pre-wrap' }}>{detail.requests}</div>
      </Descriptions.Item>
      <Descriptions.Item label="涉及金额">
        {detail.amountFen === null ? (
          '未填写'
        ) : (
          <span data-testid="case-amount">
            {formatFen(detail.amountFen)} 元（人民币{formatFenCapital(detail.amountFen)}）
          </span>
        )}
      </Descriptions.Item>
    </Descriptions>
  );
}
