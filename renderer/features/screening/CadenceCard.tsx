import { App, Button, Card, Col, Form, Row, Select, Typography } from 'antd';
import { useState } from 'react';
import {
  cadenceUnitLabels,
  cadenceUnits,
  organisationKindLabels,
  organisationKinds,
  type ApiError,
  type CadenceDto,
} from '../../../main/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { asApiError } from '../../components/forms';
import { useCadenceQuery, useSaveCadenceMutation } from './screeningApi';

/** 系统设置 → 矛盾纠纷排查频次: how often each kind of organisation screens. */
export function CadenceCard() {
  const { data } = useCadenceQuery();
  const [save, { isLoading }] = useSaveCadenceMutation();
  const [error, setError] = useState<ApiError | null>(null);
  const { message } = App.useApp();
  if (!data) return null;
  return (
    <Card title="矛盾纠纷排查频次" style={{ maxWidth: 760 }} data-testid="cadence-card">
      <Typography.Paragraph type="secondary">
        按三年行动方案：村（居）每周、乡镇和行业性专业性调委会每半月、县级每月排查一次；零报告也算一次排查。
      </Typography.Paragraph>
      <ErrorAlert error={error} />
      <Form<CadenceDto>
        layout="vertical"
        initialValues={data}
        onFinish={async (values) => {
          setError(null);
          const result = await save(values);
          if ('error' in result) setError(asApiError(result.error));
          else void message.success('排查频次已保存');
        }}
      >
        <Row gutter={16}>
          {organisationKinds.map((k) => (
            <Col span={12} key={k}>
              <Form.Item name={['kinds', k]} label={organisationKindLabels[k]}>
                <Select options={cadenceUnits.map((u) => ({ value: u, label: cadenceUnitLabels[u] }))} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Button type="primary" htmlType="submit" loading={isLoading}>
          保存
        </Button>
      </Form>
    </Card>
  );
}
