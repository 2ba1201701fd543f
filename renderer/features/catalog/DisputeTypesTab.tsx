import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import {
  catalogueOwnerMessages,
  mayAddDisputeTypes,
  type CatalogDto,
  type DisputeTypeDto,
} from '../../../main/contract';
import { useAccess } from '../../app/access';
import { asApiError } from '../../components/forms';
import { useSaveDisputeTypeMutation } from './catalogApi';
import { DisputeTypeModal } from './DisputeTypeModal';

interface Row extends DisputeTypeDto {
  children?: Row[];
}

/** The 18 statistical types (fixed, read-only) with the local sub-types under the one each reports as. */
export function DisputeTypesTab({ catalog }: { catalog: CatalogDto }) {
  const [save] = useSaveDisputeTypeMutation();
  const { message } = App.useApp();
  const [modal, setModal] = useState<{ editing: DisputeTypeDto | null } | null>(null);
  // A township's installation takes new types from the county (catalogueOwner.ts).
  const { office } = useAccess();
  const mayAdd = !office || mayAddDisputeTypes(office);

  const names = new Map(catalog.disputeTypes.map((t) => [t.code, t.name]));
  const rows: Row[] = catalog.disputeTypes
    .filter((t) => t.officialCode === null)
    .map((t) => {
      const children = catalog.disputeTypes.filter((c) => c.officialCode === t.code);
      return children.length ? { ...t, children } : t;
    });

  const toggle = async (t: DisputeTypeDto) => {
    const result = await save({
      code: t.code,
      name: t.name,
      officialCode: t.officialCode,
      active: !t.active,
    });
    if ('error' in result) void message.error(asApiError(result.error).message);
    else void message.success(`已${t.active ? '停用' : '启用'}“${t.name}”`);
  };

  return (
    <>
      <div style={{ display: 'flex', justifyContent: 'space-between', marginBottom: 12 }}>
        <Typography.Text type="secondary">
          18类统计类型按司法部统计报表设置，不可修改；地方子类型（如土地流转、农民工工资）计入所对应的统计类型。
          {!mayAdd && <span data-testid="types-from-county">{catalogueOwnerMessages.disputeType}。</span>}
        </Typography.Text>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          disabled={!mayAdd}
          onClick={() => setModal({ editing: null })}
        >
          新增地方子类型
        </Button>
      </div>
      <Table<Row>
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={rows}
        expandable={{ defaultExpandAllRows: true }}
        columns={[
          { title: '名称', dataIndex: 'name' },
          {
            // The mapping the monthly return and the provincial export report by.
            title: '计入统计类型',
            key: 'official',
            width: 160,
            render: (_v, t) =>
              t.officialCode ? (
                <span data-testid="reports-as">{names.get(t.officialCode) ?? t.officialCode}</span>
              ) : (
                <Typography.Text type="secondary">（本类）</Typography.Text>
              ),
          },
          {
            title: '类别',
            key: 'kind',
            width: 160,
            render: (_v, t) => (t.officialCode ? <Tag color="blue">地方子类型</Tag> : <Tag>统计类型</Tag>),
          },
          {
            title: '状态',
            dataIndex: 'active',
            width: 100,
            render: (active: boolean) => (active ? <Tag color="green">启用</Tag> : <Tag>已停用</Tag>),
          },
          {
            title: '操作',
            key: 'actions',
            width: 160,
            render: (_v, t) =>
              t.officialCode === null ? (
                <Typography.Text type="secondary">—</Typography.Text>
              ) : (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => setModal({ editing: t })}>
                    重命名
                  </Button>
                  <Button type="link" size="small" danger={t.active} onClick={() => void toggle(t)}>
                    {t.active ? '停用' : '启用'}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      {modal && <DisputeTypeModal catalog={catalog} editing={modal.editing} onClose={() => setModal(null)} />}
    </>
  );
}
