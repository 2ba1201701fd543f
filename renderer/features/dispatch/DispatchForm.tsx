import { SendOutlined } from '@ant-design/icons';
import { App, Button, Form, Space, Spin } from 'antd';
import { useState, type ReactNode } from 'react';
import { dispatchInput, type ApiError } from '../../../main/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { placeServerErrors } from '../../components/forms';
import { useGetCatalogQuery } from '../catalog/catalogApi';
import { errorOf, precheck } from '../workflow/StepForm';
import { useDispatchCaseMutation, useSuggestQuery } from '../workflow/workflowApi';
import {
  AssignmentFields,
  assignmentDefaults,
  assignmentInput,
  assignmentPath,
  type AssignmentValues,
} from './AssignmentFields';

/** 分流指派 for one case in the queue; `extra` holds the other ways out (转出). */
export function DispatchForm({
  caseId,
  onDone,
  extra,
}: {
  caseId: string;
  onDone: () => void;
  extra?: ReactNode;
}) {
  const [form] = Form.useForm<AssignmentValues>();
  const { data: suggestion } = useSuggestQuery(caseId, { refetchOnMountOrArgChange: true });
  const { data: catalog } = useGetCatalogQuery();
  const [dispatchCase, { isLoading }] = useDispatchCaseMutation();
  const [error, setError] = useState<ApiError | null>(null);
  const { message } = App.useApp();

  if (!suggestion) return <Spin style={{ display: 'block', margin: '48px auto' }} />;

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setError(null);
    const input = assignmentInput(
      caseId,
      { ...form.getFieldsValue(true), ...v } as AssignmentValues,
      suggestion,
    );
    const failed = precheck(dispatchInput, input) ?? errorOf(await dispatchCase(input));
    if (failed) {
      if (!placeServerErrors(form, failed, assignmentPath).length) setError(failed);
      return;
    }
    const committee = suggestion.committees.find((c) => c.id === input.committeeId)?.name ?? '所选调委会';
    void message.success(`已分流至${committee}，等待接收`);
    onDone();
  };

  return (
    <Form<AssignmentValues>
      form={form}
      layout="vertical"
      initialValues={{ ...assignmentDefaults, committeeId: suggestion.committees[0]?.id }}
    >
      <ErrorAlert error={error} />
      <AssignmentFields form={form} suggestion={suggestion} committees={catalog?.committees ?? []} />
      <Space>
        <Button type="primary" icon={<SendOutlined />} loading={isLoading} onClick={() => void submit()}>
          分流指派
        </Button>
        {extra}
      </Space>
    </Form>
  );
}
