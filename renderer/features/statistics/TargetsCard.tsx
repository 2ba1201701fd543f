import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, InputNumber, Radio, Space, Table, Typography } from 'antd';
import { localRateBaseLabels, localRateBases, type StatisticsConfig } from '../../../main/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSettingsSubmit } from '../../components/useSettingsSubmit';
import { useOfficeToday } from '../todo/todoApi';
import { useSaveStatisticsConfigMutation, useStatisticsConfigQuery } from './statisticsApi';

// 系统设置 → 统计目标与口径 (issue 15): the year's targets each rate is shown against, seeded from
// the three-year plan, and how 就地化解率 is counted (no official formula: domain.md §4).

const rateColumns = [
  ['successRate', '调解成功率'],
  ['performanceRate', '履行率'],
  ['visitRate', '回访率'],
  ['localRate', '就地化解率'],
] as const;

export function TargetsCard() {
  const { data } = useStatisticsConfigQuery();
  const [save, { isLoading }] = useSaveStatisticsConfigMutation();
  const [form] = Form.useForm<StatisticsConfig>();
  const { error, submit } = useSettingsSubmit(form, save, '统计目标与口径已保存');
  const today = useOfficeToday();
  if (!data) return null;
  return (
    <Card title="统计目标与口径" style={{ maxWidth: 760 }} data-testid="targets-card">
      <Typography.Paragraph type="secondary">
        统计分析页的各项比率与所在年度的目标对照显示。按三年行动方案预置：调解成功率第一年97%、此后98%，履行率95%，回访率100%；就地化解率没有全国统一口径，请按本县要求选择计算方法。
      </Typography.Paragraph>
      <ErrorAlert error={error} />
      <Form<StatisticsConfig>
        form={form}
        layout="vertical"
        initialValues={{ ...data, targets: [...data.targets].sort((a, b) => a.year - b.year) }}
        onFinish={submit}
      >
        <Form.Item name="localRateBase" label="就地化解率计算方法">
          <Radio.Group options={localRateBases.map((b) => ({ value: b, label: localRateBaseLabels[b] }))} />
        </Form.Item>
        <Form.List name="targets">
          {(fields, { add, remove }) => (
            <>
              <Table
                size="small"
                pagination={false}
                rowKey="key"
                dataSource={fields}
                columns={[
                  {
                    title: '年度',
                    key: 'year',
                    width: 110,
                    render: (_v, f) => (
                      <Form.Item
                        name={[f.name, 'year']}
                        noStyle
                        rules={[{ required: true, message: '请填写年份' }]}
                      >
                        <InputNumber
                          aria-label="年度"
                          min={2000}
                          max={2099}
                          precision={0}
                          style={{ width: 90 }}
                        />
                      </Form.Item>
                    ),
                  },
                  ...rateColumns.map(([key, label]) => ({
                    title: `${label}目标（%）`,
                    key,
                    render: (_v: unknown, f: { name: number }) => (
                      <Form.Item
                        name={[f.name, key]}
                        noStyle
                        rules={key === 'localRate' ? [] : [{ required: true, message: `请填写${label}目标` }]}
                      >
                        <InputNumber
                          aria-label={`${label}目标`}
                          min={0}
                          max={100}
                          precision={1}
                          placeholder={key === 'localRate' ? '不设' : undefined}
                          style={{ width: 100 }}
                        />
                      </Form.Item>
                    ),
                  })),
                  {
                    title: '',
                    key: 'remove',
                    width: 48,
                    render: (_v, f) => (
                      <Button
                        type="text"
                        aria-label="删除该年度"
                        icon={<DeleteOutlined />}
                        onClick={() => remove(f.name)}
                      />
                    ),
                  },
                ]}
              />
              <Space style={{ marginTop: 12 }}>
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => {
                    // This year first (it runs on an earlier year's targets until it has its own), then the next.
                    const years = (form.getFieldValue('targets') as StatisticsConfig['targets']).map(
                      (t) => t.year,
                    );
                    const thisYear = Number(today.slice(0, 4));
                    const year = years.includes(thisYear) ? Math.max(...years) + 1 : thisYear;
                    add({ year, successRate: 98, performanceRate: 95, visitRate: 100, localRate: null });
                  }}
                >
                  添加年度
                </Button>
                <Button type="primary" htmlType="submit" loading={isLoading}>
                  保存
                </Button>
              </Space>
            </>
          )}
        </Form.List>
      </Form>
    </Card>
  );
}
