import { Form, Input, Spin } from 'antd';
import { channels } from '../../../main/contract';
import { zodRule } from '../../components/forms';
import { useGetCatalogQuery } from '../catalog/catalogApi';
import { errorOf, precheck, StepForm } from '../workflow/StepForm';
import { useSuggestQuery, useTransferMutation } from '../workflow/workflowApi';
import {
  assignmentDefaults,
  assignmentInput,
  assignmentPath,
  AssignmentFields,
  type AssignmentValues,
} from './AssignmentFields';

const transferInput = channels['workflow:transfer'].input;

type Values = AssignmentValues & { reason?: string };

/** 移交: the case goes to another committee and team; the receiving committee accepts it again. */
export function TransferForm({ caseId, onClose }: { caseId: string; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { data: suggestion } = useSuggestQuery(caseId, { refetchOnMountOrArgChange: true });
  const { data: catalog } = useGetCatalogQuery();
  const [transfer] = useTransferMutation();

  return (
    <StepForm<Values>
      drawer
      width={760}
      title="移交其他调委会"
      okText="移交"
      success="已移交，等待接收"
      form={form}
      onClose={onClose}
      initialValues={assignmentDefaults}
      mapPath={assignmentPath}
      submit={async (v) => {
        if (!suggestion) return null;
        const input = { ...assignmentInput(caseId, v, suggestion), reason: v.reason?.trim() ?? '' };
        return precheck(transferInput, input) ?? errorOf(await transfer(input));
      }}
    >
      {suggestion ? (
        <>
          <Form.Item
            name="reason"
            label="移交理由"
            required
            rules={[{ required: true, message: '请填写移交理由' }, zodRule(transferInput.shape.reason)]}
          >
            <Input.TextArea
              autoSize={{ minRows: 2, maxRows: 4 }}
              maxLength={200}
              placeholder="如：纠纷涉及跨乡镇，宜由县调解中心办理"
            />
          </Form.Item>
          <AssignmentFields form={form} suggestion={suggestion} committees={catalog?.committees ?? []} />
        </>
      ) : (
        <Spin />
      )}
    </StepForm>
  );
}
