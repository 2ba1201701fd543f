import { Descriptions, Tag, Typography } from 'antd';
import {
  agreementKindLabels,
  confirmationOutcomeLabels,
  formatFen,
  subjectMatterLabels,
  type AgreementDto,
} from '../../../main/contract';

/** The agreement as recorded: numbered terms, how/where/by when, amount, when it took effect. */
export function AgreementView({ agreement: a }: { agreement: AgreementDto }) {
  return (
    <Descriptions size="small" column={2} styles={{ label: { width: 96 } }} data-testid="agreement">
      <Descriptions.Item label="协议编号">{a.number}</Descriptions.Item>
      <Descriptions.Item label="协议形式">
        <Tag color={a.kind === 'written' ? 'green' : 'cyan'}>{agreementKindLabels[a.kind]}</Tag>
      </Descriptions.Item>
      {a.responsibility && (
        <Descriptions.Item label="各方责任" span={2}>
          <Typography.Text style={{ whiteSpace: 'pre-line' }}>{a.responsibility}</Typography.Text>
        </Descriptions.Item>
      )}
      <Descriptions.Item label="协议内容" span={2}>
        <ol style={{ margin: 0, paddingInlineStart: 20 }}>
          {a.terms.map((t, i) => (
            <li key={i}>{t}</li>
          ))}
        </ol>
      </Descriptions.Item>
      <Descriptions.Item label="履行方式">{a.performanceManner}</Descriptions.Item>
      <Descriptions.Item label="履行地点">{a.performancePlace}</Descriptions.Item>
      <Descriptions.Item label="履行期限">{a.performanceDeadline}</Descriptions.Item>
      <Descriptions.Item label="协议金额">
        {a.amountFen === null ? '不涉及' : `${formatFen(a.amountFen)} 元`}
      </Descriptions.Item>
      <Descriptions.Item label="达成日期">{a.reachedOn}</Descriptions.Item>
      <Descriptions.Item label="生效日期">
        {a.effectiveOn ?? <Typography.Text type="warning">尚未签章齐全，待登记</Typography.Text>}
      </Descriptions.Item>
      {a.confirmation && (
        <Descriptions.Item label="司法确认" span={2}>
          <span data-testid="confirmation-ruling">
            <Tag color={a.confirmation.outcome === 'confirmed' ? 'green' : 'default'}>
              {confirmationOutcomeLabels[a.confirmation.outcome]}
            </Tag>
            {a.confirmation.court}，{a.confirmation.ruledOn}
            {a.confirmation.rulingNumber ? `，${a.confirmation.rulingNumber}` : ''}
          </span>
        </Descriptions.Item>
      )}
      <Descriptions.Item label="涉及事项" span={2}>
        {subjectMatterLabels[a.subjectMatter]}
        {a.subjectMatter !== 'ordinary' && (
          <Tag color="orange" style={{ marginInlineStart: 8 }}>
            不予司法确认
          </Tag>
        )}
      </Descriptions.Item>
    </Descriptions>
  );
}
