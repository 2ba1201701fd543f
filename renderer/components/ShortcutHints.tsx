import { Space, Typography } from 'antd';
import { Fragment, type CSSProperties } from 'react';

const kbd: CSSProperties = {
  display: 'inline-block',
  minWidth: 20,
  padding: '0 5px',
  margin: '0 1px',
  fontFamily: 'inherit',
  fontSize: 12,
  lineHeight: '18px',
  textAlign: 'center',
  color: '#434343',
  background: '#fafafa',
  border: '1px solid #d9d9d9',
  borderBottomWidth: 2,
  borderRadius: 3,
};

/** A line of keyboard shortcuts, so a clerk learns them by looking rather than from a manual. */
export function ShortcutHints({ hints }: { hints: [keys: string, action: string][] }) {
  return (
    <Space size={14} wrap aria-label="快捷键" style={{ fontSize: 12 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        快捷键
      </Typography.Text>
      {hints.map(([keys, action]) => (
        <span key={keys + action} style={{ whiteSpace: 'nowrap' }}>
          {keys.split('+').map((k, i) => (
            <Fragment key={k}>
              {i > 0 && '+'}
              <kbd style={kbd}>{k}</kbd>
            </Fragment>
          ))}
          <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 4 }}>
            {action}
          </Typography.Text>
        </span>
      ))}
    </Space>
  );
}
