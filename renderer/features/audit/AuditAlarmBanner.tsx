import { Alert, App, Button, Popconfirm, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router';
import { asApiError } from '../../components/forms';
import { useAcknowledgeAlarmsMutation, useAuditAlarmsQuery } from './auditApi';

/**
 * What the unlock check found (a cut audit log, an older database, a signing key that is not
 * the one recorded), shown to the 管理员 above every page until they acknowledge it.
 */
export function AuditAlarmBanner() {
  const { data } = useAuditAlarmsQuery();
  const [acknowledge, { isLoading }] = useAcknowledgeAlarmsMutation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const alarms = data?.items ?? [];
  if (alarms.length === 0) return null;
  const throughSeq = Math.max(...alarms.map((a) => a.seq));

  const onAcknowledge = async () => {
    const result = await acknowledge({ throughSeq });
    if ('error' in result) void message.error(asApiError(result.error).message);
  };

  return (
    <Alert
      type="error"
      showIcon
      banner
      role="alert"
      data-testid="audit-alarm"
      style={{ marginBottom: 16 }}
      title={`审计日志告警：发现${alarms.length}处异常，数据可能被篡改或从旧副本恢复`}
      description={
        <Space direction="vertical" size={2} style={{ width: '100%' }}>
          {alarms.map((a) => (
            <Typography.Text key={a.seq}>
              {dayjs(a.at).format('YYYY-MM-DD HH:mm')}（第{a.seq}条）：{a.detail}
            </Typography.Text>
          ))}
        </Space>
      }
      action={
        <Space direction="vertical">
          <Button size="small" onClick={() => void navigate('/audit')}>
            查看审计日志
          </Button>
          <Popconfirm
            title="确认已知悉这些告警？"
            description="确认会记入审计日志；请先核实原因（如从备份恢复）。"
            okText="确认"
            cancelText="取消"
            onConfirm={() => onAcknowledge()}
          >
            <Button size="small" danger loading={isLoading}>
              确认已知悉
            </Button>
          </Popconfirm>
        </Space>
      }
    />
  );
}
