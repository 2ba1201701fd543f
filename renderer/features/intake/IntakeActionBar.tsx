import { CheckCircleOutlined, SaveOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { ShortcutHints } from '../../components/ShortcutHints';

interface Props {
  saving: boolean;
  onSave: () => void;
  draftSavedAt: string | null;
  draftFailed: boolean;
  repeatCount: number;
  saveLabel?: string;
  hints: [string, string][];
}

/** Stays at the bottom of the window: the shortcuts, the draft's state and the save button. */
export function IntakeActionBar({
  saving,
  onSave,
  draftSavedAt,
  draftFailed,
  repeatCount,
  saveLabel,
  hints,
}: Props) {
  // Tabbing scrolls the focused field into view; keep it clear of this bar, not under it.
  useEffect(() => {
    const root = document.documentElement;
    root.style.scrollPaddingBottom = '80px';
    return () => {
      root.style.scrollPaddingBottom = '';
    };
  }, []);

  return (
    <div
      style={{
        position: 'sticky',
        bottom: 0,
        zIndex: 10,
        display: 'flex',
        alignItems: 'center',
        gap: 16,
        padding: '10px 16px',
        margin: '0 -24px -24px',
        background: '#fff',
        borderTop: '1px solid #f0f0f0',
        boxShadow: '0 -2px 8px rgba(0,0,0,0.04)',
      }}
    >
      <div style={{ flex: 1, minWidth: 0 }}>
        <ShortcutHints hints={hints} />
      </div>
      <Space size={16}>
        {repeatCount > 0 && (
          <Typography.Text type="warning">
            <WarningOutlined /> 疑似重复 {repeatCount} 件
          </Typography.Text>
        )}
        {draftFailed ? (
          <Typography.Text type="danger">草稿未能保存</Typography.Text>
        ) : (
          draftSavedAt && (
            <Typography.Text type="secondary" data-testid="draft-status">
              <CheckCircleOutlined /> 草稿已保存 {dayjs(draftSavedAt).format('HH:mm:ss')}
            </Typography.Text>
          )
        )}
        <Button type="primary" icon={<SaveOutlined />} loading={saving} onClick={onSave}>
          {saveLabel ?? '保存登记'}
        </Button>
      </Space>
    </div>
  );
}
