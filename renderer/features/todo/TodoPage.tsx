import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Statistic, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { TodoDto, TodoItem } from '../../../main/contract';
import { useAccess } from '../../app/access';
import { ErrorAlert } from '../../components/ErrorAlert';
import { asApiError } from '../../components/forms';
import { BackupTodoCard } from '../backup/BackupTodoCard';
import { StatusTag } from '../cases/caseTags';
import { DueTag } from '../workflow/DueTag';
import { useTodoMineQuery } from './todoApi';
// ── screening & subsidy (issue 15) ──
import { ScreeningReminder } from '../screening/ScreeningReminder';

type Section = 'newArrivals' | 'returned' | 'dueSoon' | 'overdue';

const sections: { key: Section; label: string; color: string; empty: string }[] = [
  { key: 'newArrivals', label: '新到案件', color: '#1677ff', empty: '没有新到的案件' },
  { key: 'returned', label: '被退回', color: '#fa8c16', empty: '没有被退回的案件' },
  { key: 'dueSoon', label: '即将到期', color: '#d48806', empty: '7天内没有到期的事项' },
  { key: 'overdue', label: '已超期', color: '#cf1322', empty: '没有超期事项' },
];

function columns(section: Section, dispatcher: boolean): ColumnsType<TodoItem> {
  const common: ColumnsType<TodoItem> = [
    {
      title: '案件',
      key: 'case',
      render: (_v, t) => (
        <div style={{ minWidth: 0 }}>
          <Link to={`/cases/${t.caseId}`}>{t.caseNumber}</Link>
          <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12 }}>
            {t.partyNames}
          </Typography.Text>
        </div>
      ),
    },
    { title: '承办调委会', dataIndex: 'committeeName', key: 'committee', width: 230, ellipsis: true },
    { title: '状态', key: 'status', width: 110, render: (_v, t) => <StatusTag status={t.status} /> },
  ];
  if (section === 'newArrivals') {
    return [
      ...common,
      { title: '事项', dataIndex: 'what', key: 'what', width: 90 },
      { title: '受理日期', dataIndex: 'dueOn', key: 'dueOn', width: 110 },
      {
        title: '',
        key: 'go',
        width: 80,
        render: (_v, t) =>
          t.what === '待分流' && dispatcher ? (
            <Link to={`/dispatch?case=${t.caseId}`}>去分流</Link>
          ) : (
            <Link to={`/cases/${t.caseId}`}>办理</Link>
          ),
      },
    ];
  }
  if (section === 'returned') {
    return [
      ...common,
      { title: '退回理由', key: 'what', render: (_v, t) => t.what.replace(/^被退回：/, '') },
    ];
  }
  return [
    ...common,
    { title: '事项', dataIndex: 'what', key: 'what', width: 190 },
    {
      title: '到期日',
      key: 'dueOn',
      width: 110,
      render: (_v, t) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{t.dueOn ?? '—'}</span>,
    },
    {
      title: '剩余',
      key: 'left',
      width: 110,
      render: (_v, t) => <DueTag state={t.state} daysLeft={t.daysLeft} />,
    },
  ];
}

function firstNonEmpty(todo: TodoDto | undefined): Section {
  return sections.find((s) => (todo?.[s.key].length ?? 0) > 0)?.key ?? 'newArrivals';
}

/** Route /todo: 我的待办 — what arrived, what came back, what is due soon and what is overdue. */
export function TodoPage() {
  const {
    data: todo,
    error,
    isFetching,
    refetch,
  } = useTodoMineQuery(undefined, { refetchOnMountOrArgChange: true });
  const { can, centre } = useAccess();
  const navigate = useNavigate();
  const [chosen, setChosen] = useState<Section | null>(null);
  const section = chosen ?? firstNonEmpty(todo);
  const meta = sections.find((s) => s.key === section)!;

  // A 管理员 without case work: their 我的待办 is the backups' health (issue 12).
  if (!can('cases:read')) {
    return (
      <Card title="我的待办">
        <ErrorAlert error={error ? asApiError(error) : null} />
        {todo?.backup && <BackupTodoCard backup={todo.backup} />}
        {(todo?.backup?.notices.length === 0 || (todo && !todo.backup)) && (
          <Typography.Text type="secondary">没有需要处理的事项</Typography.Text>
        )}
        {centre && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            本工作台使用县中心数据库，数据备份由县中心服务器统一进行（pg_dump
            或基础备份，见运维指南），本机不另做备份。
          </Typography.Paragraph>
        )}
      </Card>
    );
  }

  return (
    <Card
      title={
        <span>
          我的待办
          {todo && (
            <Typography.Text
              type="secondary"
              style={{ fontWeight: 'normal', fontSize: 13, marginInlineStart: 12 }}
            >
              今天 {todo.today}
            </Typography.Text>
          )}
        </span>
      }
      extra={
        <Button icon={<ReloadOutlined />} loading={isFetching} onClick={() => void refetch()}>
          刷新
        </Button>
      }
    >
      <ErrorAlert error={error ? asApiError(error) : null} />
      {todo?.backup && <BackupTodoCard backup={todo.backup} />}
      <Row gutter={16} style={{ marginBottom: 16 }} role="tablist">
        {sections.map((s) => {
          const active = s.key === section;
          const count = todo?.[s.key].length ?? 0;
          return (
            <Col span={6} key={s.key}>
              <Card
                size="small"
                hoverable
                role="tab"
                aria-selected={active}
                data-testid={`todo-${s.key}`}
                onClick={() => setChosen(s.key)}
                style={{
                  borderColor: active ? s.color : undefined,
                  boxShadow: active ? `inset 0 -3px 0 ${s.color}` : undefined,
                }}
              >
                <Statistic
                  title={s.label}
                  value={count}
                  suffix="件"
                  styles={{ content: { color: count ? s.color : '#bfbfbf', fontSize: 26 } }}
                />
              </Card>
            </Col>
          );
        })}
      </Row>
      <Table<TodoItem>
        tableLayout="fixed"
        size="middle"
        rowKey={(t) => `${t.caseId}-${t.what}`}
        loading={isFetching && !todo}
        columns={columns(section, can('cases:dispatch'))}
        dataSource={todo?.[section] ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: meta.empty }}
        data-testid="todo-table"
        onRow={(t) => ({
          onDoubleClick: () => void navigate(`/cases/${t.caseId}`),
        })}
      />
      {/* ── screening & subsidy (issue 15) ── */}
      <ScreeningReminder only="due" />
    </Card>
  );
}
