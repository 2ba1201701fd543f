import { App, Button, Card, Form, Input } from 'antd';
import { useRef, useState } from 'react';
import { updateCaseInput, type ApiError, type CaseDetail, type CatalogDto } from '../../../main/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { asApiError, zodErrorAsApiError, zodRule } from '../../components/forms';
import { useHotkeys } from '../../components/useHotkeys';
import { CaseFieldsSection } from '../intake/CaseFieldsSection';
import { showCaseErrors, validatedValues } from '../intake/caseFormErrors';
import { IntakeActionBar } from '../intake/IntakeActionBar';
import { fromDetail, toUpdateInput, type CaseFormValues } from '../intake/intakeValues';
import { PartiesSection } from '../intake/PartiesSection';
import { useUpdateCaseMutation } from './casesApi';

const hints: [string, string][] = [
  ['Alt+N', '新增当事人'],
  ['Ctrl+S', '保存修改'],
  ['Esc', '放弃修改'],
];

/**
 * 修改: the intake form's own sections, filled from the case. Each party keeps its place in the
 * case (casePartyId); the version guards against two people editing at once; history records why.
 */
export function CaseEditForm(props: { detail: CaseDetail; catalog: CatalogDto; onDone: () => void }) {
  const { detail } = props;
  const [form] = Form.useForm<CaseFormValues>();
  const [update, { isLoading }] = useUpdateCaseMutation();
  const [error, setError] = useState<ApiError | null>(null);
  const addParty = useRef<(() => void) | null>(null);
  const { message } = App.useApp();

  const save = async () => {
    if (isLoading) return;
    setError(null);
    const values = await validatedValues(form);
    if (!values) return void message.warning('请先改正标红的栏目');
    const input = toUpdateInput(detail, values);
    const parsed = updateCaseInput.safeParse(input);
    if (!parsed.success) {
      const problem = zodErrorAsApiError(parsed.error);
      if (!showCaseErrors(form, problem)) setError(problem);
      return;
    }
    const result = await update(input);
    if ('error' in result) {
      const problem = asApiError(result.error);
      showCaseErrors(form, problem);
      setError(problem);
      return;
    }
    void message.success('修改已保存');
    props.onDone();
  };
  useHotkeys({ 'Ctrl+S': () => void save(), 'Alt+N': () => addParty.current?.() });

  return (
    <div onKeyDown={(e) => e.key === 'Escape' && !e.defaultPrevented && props.onDone()}>
      <Form form={form} layout="vertical" name="caseEdit" initialValues={fromDetail(detail)}>
        <Card
          title={`修改登记信息：${detail.caseNumber}`}
          style={{ marginBottom: 16 }}
          extra={<Button onClick={props.onDone}>放弃修改</Button>}
        >
          <CaseFieldsSection catalog={props.catalog} editing />
        </Card>
        <Card title="当事人" style={{ marginBottom: 16 }}>
          <PartiesSection addRef={addParty} />
        </Card>
        <Card style={{ marginBottom: 16 }}>
          <Form.Item
            name="reason"
            label="修改原因"
            required
            rules={[
              { required: true, whitespace: true, message: '请填写修改原因' },
              zodRule(updateCaseInput.shape.reason),
            ]}
            style={{ marginBottom: 0 }}
          >
            <Input maxLength={200} placeholder="如：当事人提供了正确的联系电话" />
          </Form.Item>
        </Card>
        <ErrorAlert error={error} />
      </Form>
      <IntakeActionBar
        saving={isLoading}
        onSave={() => void save()}
        draftSavedAt={null}
        draftFailed={false}
        repeatCount={0}
        saveLabel="保存修改"
        hints={hints}
      />
    </div>
  );
}
