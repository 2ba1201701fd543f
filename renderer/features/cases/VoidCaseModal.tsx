import { App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { voidCaseInput, type ApiError, type CaseDetail } from '../../../main/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyServerErrors, asApiError, zodRule } from '../../components/forms';
import { useVoidCaseMutation } from './casesApi';

/** 作废: for a registration made in error. The number stays on record as voided and is never reused. */
export function VoidCaseModal({ detail, onClose }: { detail: CaseDetail; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const [voidCase, { isLoading }] = useVoidCaseMutation();
  const [error, setError] = useState<ApiError | null>(null);
  const { message } = App.useApp();

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const result = await voidCase({ id: detail.id, reason: v.reason });
    if ('error' in result) {
      const apiError = asApiError(result.error);
      if (!applyServerErrors(form, apiError)) setError(apiError);
      return;
    }
    void message.success(`${detail.caseNumber} 已作废`);
    onClose();
  };

  return (
    <Modal
      open
      title={`作废案件 ${detail.caseNumber}`}
      okText="确认作废"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      confirmLoading={isLoading}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        作废后案号保留为“已作废”，不再使用；案件记录仍可查阅。仅用于登记错误的案件。
      </Typography.Paragraph>
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label="作废原因" required rules={[zodRule(voidCaseInput.shape.reason)]}>
          <Input.TextArea
            autoFocus
            autoSize={{ minRows: 2, maxRows: 4 }}
            maxLength={200}
            placeholder="如：重复登记，已在另一案号下受理"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
