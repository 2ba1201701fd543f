import { Button, Card, Empty, Radio, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { ApiError, ConflictDto } from '../../../main/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { asApiError } from '../../components/forms';
import { useExchangeConflictsQuery, useResolveConflictMutation } from './exchangeApi';

/** 冲突处理: records both offices changed, both versions field by field; keep one (audited). */
export function ConflictsPanel() {
  const conflicts = useExchangeConflictsQuery(undefined, { refetchOnMountOrArgChange: true });
  const [resolve, { isLoading }] = useResolveConflictMutation();
  const [error, setError] = useState<ApiError | null>(null);
  // Per conflict, the side chosen for each differing field (逐项合并).
  const [picks, setPicks] = useState<Record<string, Record<string, 'local' | 'remote'>>>({});
  const items = conflicts.data?.items ?? [];

  const choose = async (c: ConflictDto, keep: 'local' | 'remote' | 'merged') => {
    setError(null);
    const result = await resolve({
      conflictId: c.id,
      keep,
      ...(keep === 'merged' ? { fields: picks[c.id] ?? {} } : {}),
    });
    if ('error' in result) setError(asApiError(result.error));
  };
  const pick = (c: ConflictDto, field: string, side: 'local' | 'remote') =>
    setPicks((p) => ({ ...p, [c.id]: { ...p[c.id], [field]: side } }));

  if (!items.length) return <Empty description="没有待处理的冲突" />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <ErrorAlert error={error} />
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        这些记录在上次交换后双方都修改过，系统没有覆盖任何一方。记录归对方所有：采用对方版本后双方一致；
        保留本机版本或逐项合并的结果只在本机有效，对方再次修改时会重新提示。
      </Typography.Paragraph>
      {items.map((c) => (
        <Card
          key={c.id}
          size="small"
          title={`${c.tableLabel}：${c.title}`}
          extra={<Typography.Text type="secondary">来自{c.officeName}</Typography.Text>}
        >
          <Table
            size="small"
            pagination={false}
            rowKey="field"
            dataSource={c.fields}
            rowClassName={(f) => (f.differs ? 'exchange-conflict-differs' : '')}
            columns={[
              { title: '字段', dataIndex: 'label', width: 160 },
              {
                title: '本机版本',
                dataIndex: 'local',
                render: (v: string, f) => (f.differs ? <Typography.Text mark>{v}</Typography.Text> : v),
              },
              {
                title: `${c.officeName}的版本`,
                dataIndex: 'remote',
                render: (v: string, f) => (f.differs ? <Typography.Text mark>{v}</Typography.Text> : v),
              },
              {
                title: '逐项合并时取',
                width: 180,
                render: (_, f) =>
                  f.differs && (
                    <Radio.Group
                      aria-label={`${f.label}取哪一方`}
                      size="small"
                      value={picks[c.id]?.[f.field]}
                      onChange={(e) => pick(c, f.field, e.target.value as 'local' | 'remote')}
                      options={[
                        { value: 'local', label: '本机' },
                        { value: 'remote', label: '对方' },
                      ]}
                    />
                  ),
              },
            ]}
          />
          <Space style={{ marginTop: 12 }}>
            <Button type="primary" loading={isLoading} onClick={() => void choose(c, 'remote')}>
              采用对方版本
            </Button>
            <Button loading={isLoading} onClick={() => void choose(c, 'local')}>
              保留本机版本
            </Button>
            <Button loading={isLoading} onClick={() => void choose(c, 'merged')}>
              按所选逐项合并
            </Button>
          </Space>
        </Card>
      ))}
    </Space>
  );
}
