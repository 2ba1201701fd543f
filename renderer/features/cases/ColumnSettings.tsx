import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Divider, Popover, Space } from 'antd';

interface Props {
  columns: { key: string; title: string }[];
  hidden: string[];
  onChange: (hidden: string[]) => void;
  onReset: () => void;
}

/** Show or hide list columns; remembered on this computer. The case number always stays. */
export function ColumnSettings({ columns, hidden, onChange, onReset }: Props) {
  const content = (
    <div style={{ width: 180 }}>
      <Space orientation="vertical" size={6}>
        {columns.map((c) => (
          <Checkbox
            key={c.key}
            checked={!hidden.includes(c.key)}
            disabled={c.key === 'caseNumber'}
            onChange={(e) =>
              onChange(e.target.checked ? hidden.filter((k) => k !== c.key) : [...hidden, c.key])
            }
          >
            {c.title}
          </Checkbox>
        ))}
      </Space>
      <Divider style={{ margin: '10px 0' }} />
      <Button size="small" type="link" style={{ padding: 0 }} onClick={onReset}>
        恢复默认
      </Button>
    </div>
  );
  return (
    <Popover trigger="click" placement="bottomRight" title="显示的列" content={content}>
      <Button icon={<SettingOutlined />}>列设置</Button>
    </Popover>
  );
}
