import { App, Button, Drawer, Form } from 'antd';
import { useState } from 'react';
import type { ApiError, DisputeTypeDto, MediatorDto, OrganisationDto } from '../../../main/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { asApiError, placeServerErrors } from '../../components/forms';
import { AccountSection } from './AccountSection';
import { ConflictTiesSection } from './ConflictTiesSection';
import { IdentitySection } from './IdentitySection';
import { formValuesOf, saveInputOf, type MediatorFormValues } from './mediatorForm';
import { useSaveMediatorMutation } from './mediatorsApi';
import { MembershipsSection } from './MembershipsSection';
import { TrainingLogSection } from './TrainingLogSection';

// The add/edit drawer for one mediator. It owns the form and the save; each part of the form is
// its own section. The training log sits below the form: trainings are saved one by one, not
// with the rest.

interface Props {
  editing: MediatorDto | undefined;
  organisations: OrganisationDto[];
  disputeTypes: DisputeTypeDto[];
  onClose: () => void;
}

export function MediatorDrawer({ editing, organisations, disputeTypes, onClose }: Props) {
  const [form] = Form.useForm<MediatorFormValues>();
  const [save, { isLoading }] = useSaveMediatorMutation();
  const [error, setError] = useState<ApiError | null>(null);
  const { message } = App.useApp();

  const submit = async () => {
    let v: MediatorFormValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setError(null);
    const result = await save(saveInputOf(v, editing));
    if ('error' in result) {
      // Errors about a field show under it; only the rest need the banner.
      const apiError = asApiError(result.error);
      if (!placeServerErrors(form, apiError).length) setError(apiError);
      return;
    }
    void message.success(`已保存调解员“${result.data.name}”`);
    onClose();
  };

  return (
    <Drawer
      open
      size={820}
      title={editing ? `修改调解员：${editing.name}` : '新增调解员'}
      onClose={onClose}
      destroyOnHidden
      footer={
        <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 8 }}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={isLoading} onClick={() => void submit()}>
            保存
          </Button>
        </div>
      }
    >
      <ErrorAlert error={error} />
      <Form<MediatorFormValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={formValuesOf(editing)}
        aria-label="调解员信息"
      >
        <IdentitySection editing={editing} disputeTypes={disputeTypes} />
        <MembershipsSection organisations={organisations} />
        <ConflictTiesSection editing={editing} />
        <AccountSection editing={editing} />
      </Form>
      {editing && <TrainingLogSection mediator={editing} />}
    </Drawer>
  );
}
