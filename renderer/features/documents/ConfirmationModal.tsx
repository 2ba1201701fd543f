import { Alert, Checkbox, Form, Input, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import type { ApiError, DocumentsOverviewDto, GeneratedDocumentDto } from '../../../main/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { asApiError } from '../../components/forms';
import { useGenerateDocumentMutation } from './documentsApi';

interface Values {
  applicantPartyIds: string[];
  courtName: string;
  propertyRights?: boolean;
}

/**
 * 司法确认申请书: every party signs as a joint applicant (the service refuses otherwise, naming
 * who is missing), addressed to the court the rules choose; the window's end is shown. Whether the
 * agreement concerns property rights is asked when the dispute type cannot tell (the proof of
 * those rights is then listed as an attachment).
 */
export function ConfirmationModal({
  caseId,
  confirmation,
  warnings,
  onGenerated,
  onClose,
}: {
  caseId: string;
  confirmation: NonNullable<DocumentsOverviewDto['confirmation']>;
  warnings: string[];
  onGenerated: (version: GeneratedDocumentDto) => void;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [generate, { isLoading }] = useGenerateDocumentMutation();
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async (values: Values) => {
    setError(null);
    const court = values.courtName.trim();
    const result = await generate({
      caseId,
      kind: 'confirmation-application',
      confirmation: {
        applicantPartyIds: values.applicantPartyIds,
        ...(court && court !== confirmation.court ? { courtName: court } : {}),
        ...(values.propertyRights !== undefined ? { propertyRights: values.propertyRights } : {}),
      },
    });
    if ('error' in result) setError(asApiError(result.error));
    else onGenerated(result.data);
  };

  return (
    <Modal
      open
      title="生成司法确认申请书"
      okText="生成申请书"
      cancelText="取消"
      confirmLoading={isLoading}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={560}
    >
      <ErrorAlert error={error} />
      {warnings.map((w) => (
        <Alert key={w} type="warning" showIcon title={w} style={{ marginBottom: 12 }} />
      ))}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          applicantPartyIds: confirmation.parties.map((p) => p.id),
          courtName: confirmation.court ?? '',
          ...(confirmation.propertyRights === 'ask'
            ? {}
            : { propertyRights: confirmation.propertyRights === 'yes' }),
        }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item
          name="applicantPartyIds"
          label="申请人"
          extra="司法确认须由全部当事人共同申请；申请书中各方均列为申请人，不列被申请人。"
          rules={[{ required: true, message: '请至少选择一名申请人' }]}
        >
          <Checkbox.Group
            style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
            options={confirmation.parties.map((p) => ({ value: p.id, label: `${p.role}\u3000${p.name}` }))}
          />
        </Form.Item>
        <Form.Item
          name="courtName"
          label="受理法院"
          extra={
            confirmation.courtFixed
              ? '法院委派或委托调解的案件，须向委派（委托）法院申请。'
              : '默认为调解组织所在地的基层人民法院，可改为当事人住所地或标的物所在地法院。'
          }
          rules={[{ required: true, whitespace: true, message: '请填写受理法院' }]}
        >
          <Input disabled={confirmation.courtFixed} maxLength={40} />
        </Form.Item>
        <Form.Item
          name="propertyRights"
          label="调解协议是否涉及财产权利"
          extra="如房屋、土地、林木的权属或者使用权。涉及的，申请书附件列明“与调解协议相关的财产权利证明”。"
          rules={[{ required: true, message: '请选择调解协议是否涉及财产权利' }]}
        >
          <Radio.Group
            options={[
              { value: true, label: '涉及财产权利' },
              { value: false, label: '不涉及' },
            ]}
          />
        </Form.Item>
      </Form>
      {confirmation.deadline && (
        <Typography.Text type="secondary">
          申请期限：协议生效之日起三十日内，即 {confirmation.deadline} 前（含当日）。
        </Typography.Text>
      )}
    </Modal>
  );
}
