import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, InputNumber, Space, Typography } from 'antd';
import type { ReviewChecklistDto } from '../../../main/contract';
import { asApiError } from '../../components/forms';
import { call } from '../../api/baseApi';
import { dossiersApi, useReviewChecklistQuery } from './dossiersApi';
import { CountySharedNote } from '../../components/CountySharedNote';

// 案卷评查表 in 系统设置: the items the county scores a dossier on, each with its maximum, and the
// grades by total. Reviews already made keep the items and maxima they were scored with.

const api = dossiersApi.injectEndpoints({
  endpoints: (b) => ({
    saveChecklist: b.mutation<ReviewChecklistDto, ReviewChecklistDto>({
      query: call('dossiers:saveChecklist'),
      invalidatesTags: ['Settings', 'Audit'],
    }),
  }),
});

export function ChecklistCard() {
  const { data } = useReviewChecklistQuery();
  const [save, { isLoading }] = api.useSaveChecklistMutation();
  const { message } = App.useApp();
  if (!data) return null;
  const submit = async (v: ReviewChecklistDto) => {
    const items = v.items.map((i, n) => ({ ...i, key: i.key || `item${n + 1}` }));
    const result = await save({ items, grades: v.grades });
    if ('error' in result) void message.error(asApiError(result.error).message);
    else void message.success('评查表已保存');
  };
  return (
    <Card title="案卷评查表" style={{ maxWidth: 760 }} data-testid="checklist-card">
      <CountySharedNote />
      <Form<ReviewChecklistDto> layout="vertical" initialValues={data} onFinish={(v) => void submit(v)}>
        <Typography.Paragraph type="secondary">
          评查项目及分值（合计即满分），以及按总分确定的等次（从高到低，最低一档从0分起）。
        </Typography.Paragraph>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, 'key']} hidden>
                    <Input />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'label']}
                    rules={[{ required: true, min: 2, message: '评查项目名称至少2个字' }]}
                  >
                    <Input placeholder="评查项目" style={{ width: 240 }} aria-label="评查项目" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'max']} rules={[{ required: true, message: '请填写分值' }]}>
                    <InputNumber min={1} max={100} addonAfter="分" aria-label="分值" />
                  </Form.Item>
                  <Button
                    icon={<DeleteOutlined />}
                    onClick={() => remove(f.name)}
                    aria-label="删除评查项目"
                  />
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ key: '', label: '', max: 10 })}>
                增加评查项目
              </Button>
            </>
          )}
        </Form.List>
        <Form.List name="grades">
          {(fields, { add, remove }) => (
            <div style={{ marginTop: 16 }}>
              {fields.map((f) => (
                <Space key={f.key} align="baseline">
                  <Form.Item
                    name={[f.name, 'grade']}
                    rules={[{ required: true, min: 2, message: '等次名称至少2个字' }]}
                  >
                    <Input placeholder="等次" style={{ width: 120 }} aria-label="等次" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'min']} rules={[{ required: true, message: '请填写起点分数' }]}>
                    <InputNumber min={0} max={1000} addonBefore="总分≥" aria-label="起点分数" />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="删除等次" />
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ grade: '', min: 0 })}>
                增加等次
              </Button>
            </div>
          )}
        </Form.List>
        <Button type="primary" htmlType="submit" loading={isLoading} style={{ marginTop: 16 }}>
          保存评查表
        </Button>
      </Form>
    </Card>
  );
}
