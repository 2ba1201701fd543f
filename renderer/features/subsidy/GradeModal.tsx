import { Alert, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import {
  subsidyGradeLabels,
  subsidyGrades,
  type ApiError,
  type SubsidyCaseDto,
} from '../../../main/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { asApiError, placeServerErrors } from '../../components/forms';
import { useSetGradeMutation } from './subsidyApi';

/** The county reviewer confirms the proposed grade, or sets another with a reason. */
export function GradeModal(props: { item: SubsidyCaseDto | null; onClose: () => void }) {
  const [form] = Form.useForm<{ grade: SubsidyCaseDto['proposed']; reason?: string }>();
  const [setGrade, { isLoading }] = useSetGradeMutation();
  const [error, setError] = useState<ApiError | null>(null);
  const grade = Form.useWatch('grade', form);
  const item = props.item;
  if (!item) return null;
  const submit = async () => {
    setError(null);
    const values = form.getFieldsValue();
    const result = await setGrade({ caseId: item.caseId, grade: values.grade, reason: values.reason });
    if ('error' in result) {
      const e = asApiError(result.error);
      placeServerErrors(form, e);
      setError(e);
      return;
    }
    props.onClose();
  };
  return (
    <Modal
      open
      title={`审核补贴等级 · ${item.caseNumber}`}
      onCancel={props.onClose}
      onOk={() => void submit()}
      okText="确定等级"
      cancelText="取消"
      confirmLoading={isLoading}
      destroyOnHidden
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        message={`系统建议：${subsidyGradeLabels[item.proposed]}`}
        description={item.basis}
      />
      <ErrorAlert error={error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ grade: item.grade ?? item.proposed, reason: item.gradeReason ?? '' }}
      >
        <Form.Item name="grade" label="案件等级" required>
          <Select options={subsidyGrades.map((g) => ({ value: g, label: subsidyGradeLabels[g] }))} />
        </Form.Item>
        <Form.Item
          name="reason"
          label="调整理由"
          required={grade !== item.proposed}
          extra={grade === item.proposed ? '与系统建议一致，可不填' : '与系统建议不同，须写明理由'}
        >
          <Input.TextArea rows={3} maxLength={300} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
