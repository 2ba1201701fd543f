import { Alert, Empty, Space, Table, Tag, Typography } from 'antd';
import {
  committeeKinds,
  committeeMembers,
  sexLabels,
  type CommitteeMember,
  type CompositionNote,
  type MediatorDto,
  type OrganisationDto,
} from '../../../main/contract';

/** Who sits on a committee today, and what the law's composition rules say about it. */
export function CompositionPanel(props: {
  org: OrganisationDto;
  mediators: MediatorDto[] | undefined;
  notes: CompositionNote[];
  today: string;
  loadError: boolean;
}) {
  const { org, mediators, notes, today } = props;
  if (!committeeKinds.includes(org.kind)) {
    return (
      <Alert
        type="info"
        showIcon
        title="该组织不是调解委员会，不适用委员组成要求（3至9人，须有女性委员）。"
      />
    );
  }
  if (props.loadError)
    return <Alert type="warning" showIcon title="无法读取调解员名册，暂不能检查委员组成。" />;
  const members = mediators ? committeeMembers(org.id, mediators, today) : [];
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {notes.length === 0 ? (
        <Alert type="success" showIcon title={`委员组成符合要求（${members.length}人，含女性委员）`} />
      ) : (
        <Alert
          type={notes.some((n) => n.level === 'warning') ? 'warning' : 'info'}
          showIcon
          data-testid="composition-warnings"
          title={notes.some((n) => n.level === 'warning') ? '委员组成需要完善' : '委员组成提示'}
          description={
            <>
              <ul style={{ margin: '4px 0', paddingInlineStart: 18 }}>
                {notes.map((n) => (
                  <li key={n.text}>{n.text}</li>
                ))}
              </ul>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                依据《人民调解法》第八、九条：调委会由委员3至9人组成，设主任，应有妇女成员，多民族居住地区应有人数较少民族的成员；委员每届任期3年。
              </Typography.Text>
            </>
          }
        />
      )}
      <Table<CommitteeMember>
        size="small"
        rowKey={(m) => m.mediator.id}
        pagination={false}
        dataSource={members}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description="尚未登记委员，请在调解员名册中添加任职"
            />
          ),
        }}
        columns={[
          { title: '姓名', render: (_v, m) => m.mediator.name },
          { title: '职务', dataIndex: 'position', render: (p: string) => <Tag>{p}</Tag> },
          { title: '性别', render: (_v, m) => (m.mediator.sex ? sexLabels[m.mediator.sex] : '未登记') },
          { title: '民族', render: (_v, m) => m.mediator.ethnicity ?? '未登记' },
          { title: '任职期间', render: (_v, m) => `${m.from ?? '—'} 至 ${m.to ?? '今'}` },
        ]}
      />
    </Space>
  );
}
