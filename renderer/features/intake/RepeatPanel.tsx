import { WarningOutlined } from '@ant-design/icons';
import { Alert, Form, Input, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { RepeatMatch } from '../../../main/contract';
import { StatusTag } from '../cases/caseTags';
import { caseRules } from './intakeRules';

function MatchTable(props: { matches: RepeatMatch[]; value?: string[]; onChange?: (ids: string[]) => void }) {
  return (
    <Table<RepeatMatch>
      size="small"
      rowKey="caseId"
      pagination={false}
      dataSource={props.matches}
      rowSelection={{
        columnTitle: '关联',
        columnWidth: 56,
        selectedRowKeys: props.value ?? [],
        onChange: (keys) => props.onChange?.(keys.map(String)),
        getCheckboxProps: (m) => ({ 'aria-label': `关联 ${m.caseNumber}` }),
      }}
      columns={[
        {
          title: '案号',
          dataIndex: 'caseNumber',
          width: 190,
          render: (v: string, m) => (
            <Link to={`/cases/${m.caseId}`} tabIndex={-1}>
              {v}
            </Link>
          ),
        },
        {
          title: '状态',
          dataIndex: 'status',
          width: 90,
          render: (s: RepeatMatch['status']) => <StatusTag status={s} />,
        },
        { title: '受理日期', dataIndex: 'receivedOn', width: 100 },
        { title: '纠纷类型', dataIndex: 'disputeTypeName', width: 100 },
        { title: '当事人', dataIndex: 'partyNames', ellipsis: true },
        {
          title: '相同之处',
          dataIndex: 'reasons',
          render: (reasons: string[]) =>
            reasons.map((r) => (
              <Tag key={r} color="warning" style={{ marginBottom: 2 }}>
                {r}
              </Tag>
            )),
        },
      ]}
    />
  );
}

/**
 * Shown before saving when earlier cases look like the same dispute. The clerk ticks the ones to
 * link as related; if any stays unticked, a reason for registering anyway is required (the
 * service enforces the same rule and audits the reason).
 */
export function RepeatPanel({ matches }: { matches: RepeatMatch[] }) {
  const linked = Form.useWatch<string[] | undefined>('relatedCaseIds', { preserve: true }) ?? [];
  if (!matches.length) return null;
  const unlinked = matches.filter((m) => !linked.includes(m.caseId)).length;

  return (
    <Alert
      type="warning"
      showIcon
      icon={<WarningOutlined />}
      data-testid="repeat-panel"
      style={{ marginBottom: 16 }}
      title={`发现 ${matches.length} 件疑似重复纠纷，请核对后再登记`}
      description={
        <>
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 8px' }}>
            是同一纠纷的，请勾选“关联”；确属另一纠纷的，请填写继续登记的理由。
          </Typography.Paragraph>
          <Form.Item name="relatedCaseIds" noStyle>
            <MatchTable matches={matches} />
          </Form.Item>
          {unlinked > 0 && (
            <Form.Item
              name="repeatReason"
              label={`继续登记的理由（${unlinked} 件未关联）`}
              rules={[
                { required: true, message: '请勾选关联案件，或填写继续登记的理由' },
                ...caseRules.repeatReason,
              ]}
              style={{ margin: '12px 0 0' }}
            >
              <Input maxLength={200} placeholder="例如：同名不同人；与前案争议事项不同" />
            </Form.Item>
          )}
        </>
      }
    />
  );
}
