import { Divider, Typography } from 'antd';

/** The heading over each part of the mediator drawer. */
export function SectionTitle({ children }: { children: string }) {
  return (
    <Divider titlePlacement="start" plain style={{ marginTop: 8 }}>
      <Typography.Text strong>{children}</Typography.Text>
    </Divider>
  );
}
