import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Descriptions, Empty, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import {
  organisationKindLabels,
  organisationsKeptBy,
  catalogueOwnerMessages,
  keeperOf,
  previewCaseNumber,
  type CompositionNote,
  type OrganisationDto,
  type OrganisationKind,
} from '../../../main/contract';
import { useAccess } from '../../app/access';
import { ErrorAlert } from '../../components/ErrorAlert';
import { asApiError, todayIso } from '../../components/forms';
import { useListMediatorsQuery } from '../mediators/mediatorsApi';
import { CompositionPanel } from './CompositionPanel';
import { OrganisationForm } from './OrganisationForm';
import { OrganisationTree } from './OrganisationTree';
import { useGetOrgTreeQuery } from './organisationsApi';
import { defaultChildKind, kindColors } from './orgRules';

function caseNumberExample(o: OrganisationDto): string {
  const preview = previewCaseNumber(o.caseNumberPattern, o.abbreviation, new Date().getFullYear());
  return preview.ok ? preview.text : '—';
}

/** An organisation a township's installation does not keep: who does, and why it is read-only here. */
function KeptElsewhere({
  name,
  keeper,
  office,
}: {
  name: string;
  keeper: string;
  office: string | undefined;
}) {
  return (
    <Tag data-testid="kept-elsewhere" title={catalogueOwnerMessages.organisation(name, keeper, office ?? '')}>
      由{keeper}维护（只读）
    </Tag>
  );
}

type Panel =
  | { mode: 'view' | 'edit'; id: string }
  | { mode: 'new'; parentId: string | null; kind: OrganisationKind }
  | null;

/** 调解组织: the tree on the left, the selected organisation's details, form and composition on the right. */
export function OrganisationsPage() {
  const { data, isLoading, error } = useGetOrgTreeQuery();
  const roster = useListMediatorsQuery({ includeInactive: false });
  const { message } = App.useApp();
  const [panel, setPanel] = useState<Panel>(null);
  const today = todayIso();
  const organisations = useMemo(() => data?.organisations ?? [], [data]);
  const byId = useMemo(() => new Map(organisations.map((o) => [o.id, o])), [organisations]);
  // At a township's installation only its own committee and what is under it (catalogueOwner.ts).
  const { office } = useAccess();
  const kept = useMemo(
    () => (office ? organisationsKeptBy(office, organisations) : null),
    [office, organisations],
  );
  const ownCommittee = kept && office ? byId.get(office.id) : undefined;

  // The service computes the composition warnings (main/contract/rules/composition.ts, the one
  // home of 人民调解法 Arts. 8–9) on its own day; the screen shows what it says.
  const notes = useMemo(
    () => new Map<string, CompositionNote[]>(Object.entries(data?.composition ?? {})),
    [data],
  );

  const selectedId = panel && panel.mode !== 'new' ? panel.id : null;
  const selected = selectedId ? byId.get(selectedId) : undefined;
  const typeNames = new Map((data?.disputeTypes ?? []).map((t) => [t.code, t.name]));

  const startNew = (parent: OrganisationDto | undefined) =>
    setPanel({ mode: 'new', parentId: parent?.id ?? null, kind: defaultChildKind(parent) });

  const onSaved = (saved: OrganisationDto) => {
    void message.success(`已保存“${saved.name}”`);
    setPanel({ mode: 'view', id: saved.id });
  };

  let detail;
  if (isLoading) detail = <Skeleton active />;
  else if (panel?.mode === 'new') {
    const parent = panel.parentId ? byId.get(panel.parentId) : undefined;
    detail = (
      <Card title={parent ? `新增组织：隶属于“${parent.name}”` : '新增组织'}>
        <OrganisationForm
          key={`new-${panel.parentId ?? 'root'}`}
          editing={undefined}
          draft={{ parentId: panel.parentId, kind: panel.kind }}
          organisations={organisations}
          disputeTypes={data?.disputeTypes ?? []}
          office={office}
          kept={kept}
          onSaved={onSaved}
          onCancel={() => setPanel(parent ? { mode: 'view', id: parent.id } : null)}
        />
      </Card>
    );
  } else if (selected) {
    const orgNotes = notes.get(selected.id) ?? [];
    detail = (
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card
          title={<span title={selected.name}>{selected.name}</span>}
          extra={
            kept && !kept.has(selected.id) ? (
              <KeptElsewhere
                name={selected.name}
                keeper={keeperOf(selected.id, organisations)}
                office={office?.name}
              />
            ) : (
              <Space size={8}>
                {panel?.mode === 'view' && (
                  <Button
                    size="small"
                    icon={<EditOutlined />}
                    onClick={() => setPanel({ mode: 'edit', id: selected.id })}
                  >
                    修改
                  </Button>
                )}
                <Button size="small" icon={<PlusOutlined />} onClick={() => startNew(selected)}>
                  新增下级
                </Button>
              </Space>
            )
          }
        >
          {panel?.mode === 'edit' ? (
            <OrganisationForm
              key={`${selected.id}-${selected.version}`}
              editing={selected}
              organisations={organisations}
              disputeTypes={data?.disputeTypes ?? []}
              office={office}
              kept={kept}
              onSaved={onSaved}
              onCancel={() => setPanel({ mode: 'view', id: selected.id })}
            />
          ) : (
            <Descriptions
              column={2}
              size="small"
              items={[
                {
                  key: 'kind',
                  label: '组织类型',
                  children: (
                    <Tag color={kindColors[selected.kind]}>{organisationKindLabels[selected.kind]}</Tag>
                  ),
                },
                {
                  key: 'parent',
                  label: '上级组织',
                  children: selected.parentId ? (byId.get(selected.parentId)?.name ?? '—') : '无（最上级）',
                },
                { key: 'abbr', label: '案号简称', children: selected.abbreviation },
                { key: 'township', label: '所在乡镇', children: selected.township ?? '县直' },
                {
                  key: 'pattern',
                  label: '案号格式',
                  span: 2,
                  children: (
                    <Space size={12}>
                      <span>{selected.caseNumberPattern}</span>
                      <Typography.Text type="secondary">例：{caseNumberExample(selected)}</Typography.Text>
                    </Space>
                  ),
                },
                { key: 'address', label: '地址', children: selected.address ?? '未填写', span: 2 },
                { key: 'seal', label: '印章文字', children: selected.sealText ?? '按组织名称生成', span: 2 },
                {
                  key: 'period',
                  label: '运行期间',
                  children: `${selected.activeFrom ?? '未填写'} 至 ${selected.activeTo ?? '今'}`,
                },
                {
                  key: 'children',
                  label: '下级组织',
                  children: `${organisations.filter((o) => o.parentId === selected.id).length} 个`,
                },
                {
                  key: 'specialties',
                  label: '专业领域',
                  span: 2,
                  children: selected.specialties.length
                    ? selected.specialties.map((c) => <Tag key={c}>{typeNames.get(c) ?? c}</Tag>)
                    : '未设置',
                },
              ]}
            />
          )}
        </Card>
        <Card title="委员会组成" size="small">
          <CompositionPanel
            org={selected}
            mediators={roster.data}
            notes={orgNotes}
            today={today}
            loadError={Boolean(roster.error)}
          />
        </Card>
      </Space>
    );
  } else {
    detail = (
      <Card>
        <Empty description="请在左侧选择一个调解组织，或新增组织" />
      </Card>
    );
  }

  const warned = [...notes.values()].filter((n) => n.some((x) => x.level === 'warning')).length;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <ErrorAlert error={error ? asApiError(error) : null} />
      <Row gutter={16} wrap={false}>
        <Col flex="420px">
          <Card
            title="调解组织"
            extra={
              <Button type="primary" icon={<PlusOutlined />} onClick={() => startNew(ownCommittee)}>
                新增组织
              </Button>
            }
          >
            <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
              共 {organisations.length} 个组织
              {warned > 0 && <>，其中 {warned} 个调委会的委员组成需要完善</>}
            </Typography.Paragraph>
            <OrganisationTree
              organisations={organisations}
              notes={notes}
              selectedId={selectedId}
              onSelect={(id) => setPanel({ mode: 'view', id })}
              today={today}
            />
          </Card>
        </Col>
        <Col flex="auto" style={{ minWidth: 0 }}>
          {detail}
        </Col>
      </Row>
    </Space>
  );
}
