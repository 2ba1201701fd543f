import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Col, Form, Input, Menu, Row, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import {
  catalogueOwnerMessages,
  saveVillageInput,
  villageTownshipOf,
  type CatalogDto,
  type VillageDto,
} from '../../../main/contract';
import { useAccess } from '../../app/access';
import { asApiError, zodRule } from '../../components/forms';
import { useSaveVillageMutation } from './catalogApi';

/**
 * Villages (村、社区) under each of the 13 townships, seeded with their 统计用区划代码 (NBS 2023):
 * add (with a code when known), rename in place, deactivate. A township's installation changes
 * only its own 乡镇's (catalogueOwner.ts) and shows the others read-only.
 */
export function VillagesTab({ catalog }: { catalog: CatalogDto }) {
  const { office } = useAccess();
  const own = office ? villageTownshipOf(office, catalog.committees) : null;
  const [township, setTownship] = useState(own ?? catalog.townships[0] ?? '');
  const editable = own === null || own === township;
  const [save, { isLoading }] = useSaveVillageMutation();
  const [form] = Form.useForm<{ name: string; code?: string }>();
  const { message } = App.useApp();
  // In the statistical order (by code), then those the office added without one, by name.
  const villages = catalog.villages
    .filter((v) => v.township === township)
    .sort((a, b) => (a.code ?? '~').localeCompare(b.code ?? '~') || a.name.localeCompare(b.name, 'zh-CN'));

  const store = async (
    village: Omit<VillageDto, 'id' | 'code'> & { id?: string; code?: string | null },
    done: string,
  ) => {
    const result = await save({ ...village, code: village.code ?? undefined });
    if ('error' in result) {
      void message.error(asApiError(result.error).message);
      return false;
    }
    void message.success(done);
    return true;
  };

  const add = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const added = { township, name: v.name.trim(), active: true, code: v.code?.trim() || undefined };
    if (await store(added, `已添加“${added.name}”`)) form.resetFields();
  };

  return (
    <Row gutter={16}>
      <Col flex="200px">
        <Menu
          mode="inline"
          selectedKeys={[township]}
          onClick={(e) => setTownship(e.key)}
          style={{ borderInlineEnd: '1px solid #f0f0f0' }}
          items={catalog.townships.map((t) => ({
            key: t,
            label: (
              <span style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
                {t}
                <Typography.Text type="secondary">
                  {catalog.villages.filter((v) => v.township === t && v.active).length || ''}
                </Typography.Text>
              </span>
            ),
          }))}
        />
      </Col>
      <Col flex="auto">
        {!editable && (
          <Typography.Paragraph type="secondary" data-testid="villages-read-only">
            {catalogueOwnerMessages.village(own ?? '')}。
          </Typography.Paragraph>
        )}
        <Form
          form={form}
          layout="inline"
          style={{ marginBottom: 12, display: editable ? undefined : 'none' }}
          onFinish={() => void add()}
        >
          <Form.Item name="name" rules={[zodRule(saveVillageInput.shape.name)]} style={{ width: 320 }}>
            <Input placeholder={`在${township}下添加村（社区），回车确认`} maxLength={30} />
          </Form.Item>
          <Form.Item name="code" rules={[zodRule(saveVillageInput.shape.code)]} style={{ width: 220 }}>
            <Input placeholder="统计用区划代码（可不填）" maxLength={12} aria-label="统计用区划代码" />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={isLoading}>
              添加
            </Button>
          </Form.Item>
        </Form>
        <Table<VillageDto>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={villages}
          locale={{ emptyText: `${township}尚未录入村（社区）；受理登记时也可直接填写` }}
          columns={[
            {
              title: '名称',
              dataIndex: 'name',
              render: (name: string, v) => (
                <Typography.Text
                  editable={
                    editable && {
                      tooltip: '改名',
                      onChange: (next) => {
                        const trimmed = next.trim();
                        if (trimmed && trimmed !== name)
                          void store({ ...v, name: trimmed }, `已改名为“${trimmed}”`);
                      },
                    }
                  }
                >
                  {name}
                </Typography.Text>
              ),
            },
            {
              title: '统计用区划代码',
              dataIndex: 'code',
              width: 150,
              render: (code: string | null) =>
                code ? (
                  <Typography.Text style={{ fontVariantNumeric: 'tabular-nums' }}>{code}</Typography.Text>
                ) : (
                  <Typography.Text type="secondary">未填</Typography.Text>
                ),
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
              width: 100,
              render: (_v, v) =>
                editable ? (
                  <Button
                    type="link"
                    size="small"
                    danger={v.active}
                    onClick={() =>
                      void store({ ...v, active: !v.active }, `已${v.active ? '停用' : '启用'}“${v.name}”`)
                    }
                  >
                    {v.active ? '停用' : '启用'}
                  </Button>
                ) : (
                  <Typography.Text type="secondary">只读</Typography.Text>
                ),
            },
          ]}
        />
      </Col>
    </Row>
  );
}
