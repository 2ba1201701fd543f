import { Alert, Button, Card, Form, Segmented, Space, Steps, Typography } from 'antd';
import { useState } from 'react';
import type { ApiError } from '../../../main/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyServerErrors, asApiError } from '../../components/forms';
import { RestoreFlow } from '../backup/RestoreFlow';
import { AdminStep } from './AdminStep';
import { CentreConnectFlow } from './CentreConnectFlow';
import { ConfirmStep } from './ConfirmStep';
import { OfficeStep, type OfficeValues } from './OfficeStep';
import { RecoveryCodeStep } from './RecoveryCodeStep';
import { useBeginSetupMutation, useCompleteSetupMutation } from './setupApi';

interface SetupValues extends OfficeValues {
  username: string;
  displayName: string;
  password: string;
  passwordConfirm: string;
  recoveryCode: string;
}

const steps = ['本机单位', '管理员账户', '记下恢复码', '确认恢复码'];

/**
 * First run: nothing is written until the last step succeeds. Only the current step's fields
 * are mounted, so submitting validates just them; the form keeps the others' values.
 */
export function SetupWizard() {
  const [form] = Form.useForm<SetupValues>();
  const [current, setCurrent] = useState(0);
  // A new office, this PC taking over an office's data from a backup (issue 12), or a desk of the
  // county centre on its shared database (issue 17).
  const [mode, setMode] = useState<'new' | 'restore' | 'centre'>('new');
  /** The centre's database was empty: this setup sets the centre up. */
  const [settingUpCentre, setSettingUpCentre] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [begin, beginState] = useBeginSetupMutation();
  const [complete, completeState] = useCompleteSetupMutation();

  const next = async () => {
    setError(null);
    if (current === 1 && !beginState.data) {
      const result = await begin();
      if ('error' in result) return setError(asApiError(result.error));
    }
    setCurrent(current + 1);
  };

  const finish = async () => {
    setError(null);
    const v = form.getFieldsValue(true) as SetupValues;
    const result = await complete({
      office:
        v.officeKind === 'other'
          ? { kind: 'other', name: v.otherName ?? '' }
          : { kind: 'listed', id: v.officeId ?? '' },
      admin: {
        username: v.username,
        displayName: v.displayName,
        password: v.password,
        passwordConfirm: v.passwordConfirm,
      },
      recoveryCode: v.recoveryCode,
      centre: settingUpCentre,
    });
    if ('error' in result) {
      const apiError = asApiError(result.error);
      if (!applyServerErrors(form, apiError)) setError(apiError);
    }
  };

  const title = (
    <>
      <Typography.Title level={3} style={{ textAlign: 'center', marginTop: 0 }}>
        人民调解工作台 · 首次使用设置
      </Typography.Title>
      <Segmented
        block
        value={mode}
        onChange={(value) => {
          setMode(value as 'new' | 'restore' | 'centre');
          setSettingUpCentre(false);
        }}
        options={[
          { value: 'new', label: '新建：本机第一次使用' },
          { value: 'restore', label: '从备份恢复：换电脑、重装后' },
          { value: 'centre', label: '连接县中心数据库' },
        ]}
        style={{ margin: '16px 0 8px' }}
      />
    </>
  );
  if (mode === 'centre') {
    return (
      <div className="desk-centered">
        <Card style={{ width: 720 }}>
          {title}
          <div style={{ marginTop: 24 }}>
            <CentreConnectFlow
              onEmpty={() => {
                setSettingUpCentre(true);
                setCurrent(0);
                setMode('new');
              }}
            />
          </div>
        </Card>
      </div>
    );
  }
  if (mode === 'restore') {
    return (
      <div className="desk-centered">
        <Card style={{ width: 720 }}>
          {title}
          <div style={{ marginTop: 24 }}>
            <RestoreFlow mode="setup" />
          </div>
        </Card>
      </div>
    );
  }

  return (
    <div className="desk-centered">
      <Card style={{ width: 720 }}>
        {title}
        <Steps
          current={current}
          items={steps.map((title) => ({ title }))}
          style={{ margin: '24px 0 32px' }}
        />
        {settingUpCentre && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            message="已连接县中心数据库，它还是空的：请完成以下设置，本机将作为县中心的第一台工作台完成初始化。其他工作台此后选择“连接县中心数据库”即可登录。"
          />
        )}
        <ErrorAlert error={error} />
        <Form
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={() => void (current === 3 ? finish() : next())}
        >
          {current === 0 && <OfficeStep />}
          {current === 1 && <AdminStep />}
          {current === 2 && <RecoveryCodeStep code={beginState.data?.recoveryCode} />}
          {current === 3 && <ConfirmStep />}
          <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
            {current > 0 && <Button onClick={() => setCurrent(current - 1)}>上一步</Button>}
            <Button
              type="primary"
              htmlType="submit"
              loading={beginState.isLoading || completeState.isLoading}
            >
              {current === 3 ? '完成设置' : '下一步'}
            </Button>
          </Space>
        </Form>
      </Card>
    </div>
  );
}
