import { Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import {
  saveDisputeTypeInput,
  type ApiError,
  type CatalogDto,
  type DisputeTypeDto,
} from '../../../main/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyServerErrors, asApiError, zodRule } from '../../components/forms';
import { useSaveDisputeTypeMutation } from './catalogApi';

interface Values {
  name: string;
  officialCode: string;
}

/** A code nobody has to invent: local types only need to be unique and stable. */
function newCode(): string {
  return `local_${Date.now().toString(36)}`;
}

/** Add a local sub-type (mapped to one of the 18 statistical types) or rename one. */
export function DisputeTypeModal(props: {
  catalog: CatalogDto;
  editing: DisputeTypeDto | null;
  onClose: () => void;
}) {
  const { editing } = props;
  const [form] = Form.useForm<Values>();
  const [save, { isLoading }] = useSaveDisputeTypeMutation();
  const [error, setError] = useState<ApiError | null>(null);
  const official = props.catalog.disputeTypes.filter((t) => t.officialCode === null);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const result = await save({
      code: editing?.code ?? newCode(),
      name: v.name,
      officialCode: v.officialCode,
      active: editing?.active ?? true,
    });
    if ('error' in result) {
      const apiError = asApiError(result.error);
      if (!applyServerErrors(form, apiError)) setError(apiError);
      return;
    }
    props.onClose();
  };

  return (
    <Modal
      open
      title={editing ? `修改地方子类型：${editing.name}` : '新增地方子类型'}
      okText="保存"
      cancelText="取消"
      confirmLoading={isLoading}
      onOk={() => void submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <ErrorAlert error={error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={editing ? { name: editing.name, officialCode: editing.officialCode ?? undefined } : {}}
        onFinish={() => void submit()}
      >
        <Form.Item name="name" label="类型名称" required rules={[zodRule(saveDisputeTypeInput.shape.name)]}>
          <Input autoFocus maxLength={20} placeholder="如：商会、信访" />
        </Form.Item>
        <Form.Item
          name="officialCode"
          label="对应统计类型"
          required
          rules={[{ required: true, message: '请选择对应的统计类型' }]}
          extra="统计报表中计入该类型"
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={official.map((t) => ({ value: t.code, label: t.name }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
