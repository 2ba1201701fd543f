import { App, Button, Card, Col, Form, InputNumber, Row, Select, Typography } from 'antd';
import { useState } from 'react';
import {
  subsidyGradeLabels,
  subsidyGrades,
  type ApiError,
  type SubsidyRulesDto,
} from '../../../main/contract';
import { baseApi, call } from '../../api/baseApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { asApiError } from '../../components/forms';
import { useGetCatalogQuery } from '../catalog/catalogApi';
import { disputeTypeOptions } from '../catalog/catalogOptions';
import { useOfficeToday } from '../todo/todoApi';

// 系统设置 → 以案定补标准: the rates of each grade for a year (entered in yuan, stored in fen), the
// shares for oral agreements and sector committees, and the types that make a case at least 一般.

const rulesApi = baseApi.injectEndpoints({
  endpoints: (b) => ({
    subsidyRules: b.query<SubsidyRulesDto, number>({
      query: (year) => call('subsidy:rules')({ year }),
      providesTags: ['Settings'],
    }),
    saveSubsidyRules: b.mutation<SubsidyRulesDto, SubsidyRulesDto>({
      query: call('subsidy:saveRules'),
      invalidatesTags: ['Settings', 'Audit'],
    }),
  }),
});

type Values = Omit<SubsidyRulesDto, 'rates' | 'year'> & { rates: Record<string, number> };

export function RulesCard() {
  const today = useOfficeToday();
  const [year, setYear] = useState(Number(today.slice(0, 4)));
  const { data } = rulesApi.useSubsidyRulesQuery(year);
  const { data: catalog } = useGetCatalogQuery();
  const [save, { isLoading }] = rulesApi.useSaveSubsidyRulesMutation();
  const [error, setError] = useState<ApiError | null>(null);
  const { message } = App.useApp();
  if (!data) return null;
  const initial: Values = {
    ...data,
    rates: Object.fromEntries(subsidyGrades.map((g) => [g, data.rates[g] / 100])),
  };
  return (
    <Card
      title="以案定补标准"
      style={{ maxWidth: 760 }}
      extra={
        <Select
          value={year}
          onChange={setYear}
          options={[year - 1, year, year + 1].map((y) => ({ value: y, label: `${y}年` }))}
          aria-label="年度"
        />
      }
    >
      <Typography.Paragraph type="secondary">
        每件案件的补贴标准（元）；调解员多人共同调解的，平均分配。
      </Typography.Paragraph>
      <ErrorAlert error={error} />
      <Form<Values>
        key={`${year}-${data.year}`}
        layout="vertical"
        initialValues={initial}
        onFinish={async (values) => {
          setError(null);
          const result = await save({
            ...values,
            year,
            rates: Object.fromEntries(
              subsidyGrades.map((g) => [g, Math.round((values.rates[g] ?? 0) * 100)]),
            ) as SubsidyRulesDto['rates'],
          });
          if ('error' in result) setError(asApiError(result.error));
          else void message.success('以案定补标准已保存');
        }}
      >
        <Row gutter={16}>
          {subsidyGrades.map((g) => (
            <Col span={6} key={g}>
              <Form.Item name={['rates', g]} label={subsidyGradeLabels[g]}>
                <InputNumber min={0} max={100000} precision={2} suffix="元" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ))}
          <Col span={12}>
            <Form.Item name="oralPercent" label="口头协议案件按标准的比例">
              <InputNumber min={0} max={100} precision={0} suffix="%" style={{ width: 160 }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="sectorPercent" label="行业性专业性调委会案件按标准的比例">
              <InputNumber min={0} max={100} precision={0} suffix="%" style={{ width: 160 }} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="complexTypes" label="至少定为“一般”的纠纷类型">
              <Select mode="multiple" options={disputeTypeOptions(catalog)} />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={isLoading}>
          保存
        </Button>
      </Form>
    </Card>
  );
}
