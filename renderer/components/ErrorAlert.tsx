import { Alert } from 'antd';
import type { ApiError } from '../../main/contract';

/** A service error as the clerk should read it: the Chinese message, plus every field issue. */
export function ErrorAlert({ error }: { error: ApiError | null | undefined }) {
  if (!error) return null;
  const details = (error.issues ?? []).slice(1, 6);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={error.message}
      description={details.length ? details.map((i) => `${i.field}：${i.message}`).join('；') : undefined}
      style={{ marginBottom: 16 }}
    />
  );
}
