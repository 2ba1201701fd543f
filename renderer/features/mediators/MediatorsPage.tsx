import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Input, Modal, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import {
  employmentLabels,
  mediatorGradeLabels,
  mediatorKindLabels,
  mediatorKinds,
  sexLabels,
  trainingTargets,
  type MediatorDto,
} from '../../../main/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { asApiError, todayIso } from '../../components/forms';
import { labelContains } from '../catalog/catalogOptions';
import { useGetOrgTreeQuery } from '../organisations/organisationsApi';
import { MediatorDrawer } from './MediatorDrawer';
import { useListMediatorsQuery } from './mediatorsApi';
import { TrainingForm } from './TrainingForm';
import { initialDaysTotal, TrainingProgress } from './TrainingProgress';

type Editing = { id: string | null } | null;

/** '城关镇新胜村人民调解委员会' → '城关镇新胜村调委会', as people say it; the full name is in the tooltip. */
function shortName(name: string): string {
  return name.replace(/人民调解委员会$/, '调委会');
}

function isCurrent(m: MediatorDto['memberships'][number], today: string): boolean {
  return (m.from === null || m.from <= today) && (m.to === null || m.to >= today);
}

/** 调解员名册: who mediates for which committee, their specialties, workload and training. */
export function MediatorsPage() {
  const [includeInactive, setIncludeInactive] = useState(false);
  const { data = [], isFetching, error } = useListMediatorsQuery({ includeInactive });
  const tree = useGetOrgTreeQuery();
  const [query, setQuery] = useState('');
  const [orgFilter, setOrgFilter] = useState<string | undefined>();
  const [kindFilter, setKindFilter] = useState<MediatorDto['kind'] | undefined>();
  const [editing, setEditing] = useState<Editing>(null);
  const [training, setTraining] = useState<string | null>(null);
  const today = todayIso();

  const typeNames = useMemo(
    () => new Map((tree.data?.disputeTypes ?? []).map((t) => [t.code, t.name])),
    [tree.data],
  );
  const rows = data.filter(
    (m) =>
      (!query.trim() || m.name.includes(query.trim()) || (m.phone ?? '').includes(query.trim())) &&
      (!orgFilter || m.memberships.some((x) => x.organisationId === orgFilter && isCurrent(x, today))) &&
      (!kindFilter || m.kind === kindFilter),
  );
  const below = data.filter(
    (m) =>
      m.active &&
      m.kind === 'mediator' &&
      (initialDaysTotal(m) < trainingTargets.initial ||
        m.trainingDaysThisYear.continuing < trainingTargets.continuing),
  ).length;
  const editingMediator = editing?.id ? data.find((m) => m.id === editing.id) : undefined;
  const trainingMediator = training ? data.find((m) => m.id === training) : undefined;

  return (
    <Card
      title="调解员名册"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ id: null })}>
          新增调解员
        </Button>
      }
    >
      <ErrorAlert error={error ? asApiError(error) : null} />
      <Space wrap style={{ marginBottom: 16 }}>
        <Input
          allowClear
          prefix={<SearchOutlined style={{ color: '#bfbfbf' }} />}
          placeholder="姓名或电话"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          style={{ width: 200 }}
        />
        <Select
          allowClear
          showSearch={{ filterOption: labelContains }}
          placeholder="所属调委会"
          value={orgFilter}
          onChange={setOrgFilter}
          style={{ width: 280 }}
          options={(tree.data?.organisations ?? []).map((o) => ({ value: o.id, label: o.name }))}
        />
        <Select
          allowClear
          placeholder="人员类别"
          value={kindFilter}
          onChange={setKindFilter}
          style={{ width: 140 }}
          options={mediatorKinds.map((k) => ({ value: k, label: mediatorKindLabels[k] }))}
        />
        <Checkbox checked={includeInactive} onChange={(e) => setIncludeInactive(e.target.checked)}>
          含已离册人员
        </Checkbox>
        <Typography.Text type="secondary">
          共 {rows.length} 人
          {below > 0 &&
            `，${below} 名调解员培训未达标（岗前≥${trainingTargets.initial}天，年度≥${trainingTargets.continuing}天）`}
        </Typography.Text>
      </Space>
      <Table<MediatorDto>
        rowKey="id"
        size="middle"
        loading={isFetching}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => `共 ${n} 人` }}
        columns={[
          {
            title: '姓名',
            dataIndex: 'name',
            width: 96,
            render: (_v, m) => (
              <Space orientation="vertical" size={0}>
                <Space size={4}>
                  <Typography.Text strong>{m.name}</Typography.Text>
                  {!m.active && <Tag>离册</Tag>}
                </Space>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {[m.sex ? sexLabels[m.sex] : null, m.ethnicity].filter(Boolean).join(' · ') || '—'}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: '类别 / 等级',
            key: 'kind',
            width: 112,
            render: (_v, m) => (
              <Space orientation="vertical" size={2}>
                <span>
                  <Tag
                    color={m.employment === 'full_time' ? 'blue' : undefined}
                    style={{ marginInlineEnd: 4 }}
                  >
                    {employmentLabels[m.employment]}
                  </Tag>
                  {m.kind === 'mediator' && mediatorGradeLabels[m.grade].replace('调解员', '')}
                </span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {mediatorKindLabels[m.kind]}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: '所属调委会',
            key: 'memberships',
            width: 236,
            render: (_v, m) => {
              const current = m.memberships.filter((x) => isCurrent(x, today));
              if (!current.length) return <Typography.Text type="secondary">未任职</Typography.Text>;
              return (
                <Space orientation="vertical" size={0}>
                  {current.map((x) => (
                    <Tooltip key={`${x.organisationId}-${x.position}`} title={x.organisationName}>
                      <span>
                        {shortName(x.organisationName)}
                        <Typography.Text type="secondary">（{x.position}）</Typography.Text>
                      </span>
                    </Tooltip>
                  ))}
                </Space>
              );
            },
          },
          {
            title: '擅长',
            dataIndex: 'specialties',
            width: 100,
            render: (codes: string[]) =>
              codes.length ? (
                <Space size={[0, 4]} wrap>
                  {codes.map((c) => (
                    <Tag key={c}>{typeNames.get(c) ?? c}</Tag>
                  ))}
                </Space>
              ) : (
                '—'
              ),
          },
          { title: '联系电话', dataIndex: 'phone', width: 112, render: (p: string | null) => p ?? '—' },
          { title: '在办案件', dataIndex: 'openCases', width: 76, align: 'right' },
          {
            title: (
              <Tooltip
                title={`岗前培训累计不少于${trainingTargets.initial}天，年度培训每年不少于${trainingTargets.continuing}天`}
              >
                培训天数
              </Tooltip>
            ),
            key: 'training',
            width: 172,
            render: (_v, m) => <TrainingProgress mediator={m} />,
          },
          {
            title: '操作',
            key: 'actions',
            width: 92,
            render: (_v, m) => (
              <Space orientation="vertical" size={0}>
                <Button type="link" size="small" onClick={() => setEditing({ id: m.id })}>
                  修改
                </Button>
                <Button type="link" size="small" onClick={() => setTraining(m.id)}>
                  登记培训
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {editing && (editing.id === null || editingMediator) && (
        <MediatorDrawer
          key={editing.id ?? 'new'}
          editing={editingMediator}
          organisations={tree.data?.organisations ?? []}
          disputeTypes={tree.data?.disputeTypes ?? []}
          onClose={() => setEditing(null)}
        />
      )}
      {trainingMediator && (
        <Modal
          open
          title={`登记培训：${trainingMediator.name}`}
          footer={null}
          onCancel={() => setTraining(null)}
          width={760}
          destroyOnHidden
        >
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <TrainingProgress mediator={trainingMediator} />
            <TrainingForm mediator={trainingMediator} onAdded={() => setTraining(null)} />
          </Space>
        </Modal>
      )}
    </Card>
  );
}
