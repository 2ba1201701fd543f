import {
  App,
  Button,
  Col,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import type { AnalysisFigures } from '../../../main/contract';
import { invoke } from '../../api/desk';
import { useAccess } from '../../app/access';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fromBase64, saveBlob } from '../../components/files';
import { asApiError, placeServerErrors } from '../../components/forms';
import { useGetCatalogQuery } from '../catalog/catalogApi';
import { intakeCommitteeOptions, labelContains } from '../catalog/catalogOptions';
import { useOfficeToday } from '../todo/todoApi';
import { useAnalysisQuery, useSaveAnalysisMutation } from './screeningApi';

// 一分析: the month's figures (filled in by the app, last month beside them) and the judgement and
// measures people write; printed as a Word document.

const rows: { key: keyof Omit<AnalysisFigures, 'topTypes'>; label: string }[] = [
  { key: 'rounds', label: '排查次数' },
  { key: 'zeroReports', label: '零报告' },
  { key: 'disputes', label: '发现矛盾纠纷' },
  { key: 'risks', label: '发现风险隐患' },
  { key: 'becameCases', label: '登记为案件' },
  { key: 'linked', label: '关联已有案件' },
  { key: 'resolved', label: '当场化解' },
  { key: 'watched', label: '持续关注' },
  { key: 'casesReceived', label: '受理纠纷' },
  { key: 'casesProactive', label: '其中主动调解' },
];

export function AnalysisPanel() {
  const { data: catalog } = useGetCatalogQuery();
  const organisations = intakeCommitteeOptions(catalog);
  const today = useOfficeToday();
  const { can } = useAccess();
  const [organisationId, setOrganisationId] = useState<string | undefined>();
  const [month, setMonth] = useState(today.slice(0, 7));
  const org = organisationId ?? organisations[0]?.value;
  const { data, error } = useAnalysisQuery({ organisationId: org ?? '', month }, { skip: !org });
  const [save, { isLoading: saving }] = useSaveAnalysisMutation();
  const [form] = Form.useForm<{ judgement: string; measures: string }>();
  const [saveError, setSaveError] = useState<ReturnType<typeof asApiError> | null>(null);
  const [exporting, setExporting] = useState(false);
  const { message } = App.useApp();

  useEffect(() => {
    form.setFieldsValue({ judgement: data?.judgement ?? '', measures: data?.measures ?? '' });
  }, [data, form]);

  const onSave = async () => {
    if (!org) return;
    setSaveError(null);
    const result = await save({ organisationId: org, month, ...form.getFieldsValue() });
    if ('error' in result) {
      const e = asApiError(result.error);
      placeServerErrors(form, e);
      setSaveError(e);
      return;
    }
    void message.success('月度分析已保存');
  };
  const onExport = async () => {
    if (!org) return;
    setExporting(true);
    try {
      const file = await invoke('screening:analysisDocx', { organisationId: org, month });
      saveBlob(fromBase64(file.dataBase64, file.mimeType), file.fileName);
    } catch (e) {
      void message.error(asApiError(e).message);
    } finally {
      setExporting(false);
    }
  };

  return (
    <div data-testid="screening-analysis">
      <Space style={{ marginBottom: 12 }}>
        <Select
          style={{ width: 280 }}
          value={org}
          onChange={setOrganisationId}
          options={organisations}
          showSearch={{ filterOption: labelContains }}
          aria-label="组织"
        />
        <DatePicker
          picker="month"
          value={dayjs(`${month}-01`)}
          allowClear={false}
          onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
          aria-label="月份"
        />
      </Space>
      <ErrorAlert error={error ? asApiError(error) : null} />
      {data && (
        <>
          <Descriptions
            size="small"
            bordered
            column={5}
            style={{ marginBottom: 12 }}
            title={`${data.organisationName} ${month}（括号内为上月）`}
          >
            {rows.map((r) => (
              <Descriptions.Item key={r.key} label={r.label}>
                <span style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {data.figures[r.key]}
                  <Typography.Text type="secondary">（{data.previous[r.key]}）</Typography.Text>
                </span>
              </Descriptions.Item>
            ))}
          </Descriptions>
          <Typography.Paragraph type="secondary">
            主要纠纷类型：
            {data.figures.topTypes.length
              ? data.figures.topTypes.map((t) => `${t.name}${t.count}件`).join('、')
              : '本月无新受理纠纷'}
          </Typography.Paragraph>
          <ErrorAlert error={saveError} />
          <Form form={form} layout="vertical" disabled={!can('screening:record')}>
            <Row gutter={12}>
              <Col span={12}>
                <Form.Item name="judgement" label="形势研判" required>
                  <Input.TextArea
                    rows={6}
                    maxLength={4000}
                    placeholder="本月矛盾纠纷的总体态势、突出问题、风险点"
                  />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="measures" label="工作措施" required>
                  <Input.TextArea rows={6} maxLength={4000} placeholder="下一步排查化解的重点和措施" />
                </Form.Item>
              </Col>
            </Row>
          </Form>
          <Space>
            {can('screening:record') && (
              <Button type="primary" loading={saving} onClick={() => void onSave()}>
                保存分析
              </Button>
            )}
            <Button loading={exporting} disabled={!data.judgement} onClick={() => void onExport()}>
              导出 Word
            </Button>
            {data.writtenByName && (
              <Typography.Text type="secondary">
                {data.writtenByName} 撰写，{dayjs(data.updatedAt).format('YYYY-MM-DD HH:mm')}
              </Typography.Text>
            )}
          </Space>
        </>
      )}
    </div>
  );
}
