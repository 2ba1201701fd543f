import { App } from 'antd';
import { useState, type ReactNode } from 'react';
import type { DocumentFileDto } from '../../../main/contract';
import { asApiError } from '../../components/forms';
import { PreviewModal } from '../documents/PreviewModal';
import { useRefusalNoticeMutation } from './intakeApi';

/**
 * The 不予受理告知书 of a recorded refusal: made on request (audited), shown as it will print,
 * with 打印 and 下载. `open` is called right after recording, and from the refusals list.
 */
export function useRefusalNotice(): {
  open: (refusalId: string) => Promise<void>;
  busy: boolean;
  modal: ReactNode;
} {
  const [make, { isLoading }] = useRefusalNoticeMutation();
  const [notice, setNotice] = useState<DocumentFileDto | null>(null);
  const { message } = App.useApp();
  const open = async (refusalId: string) => {
    const result = await make({ id: refusalId });
    if ('error' in result) void message.error(asApiError(result.error).message);
    else setNotice(result.data);
  };
  const modal = notice && (
    <PreviewModal
      key={notice.sha256}
      loose={{ title: '不予受理告知书', file: notice }}
      onClose={() => setNotice(null)}
    />
  );
  return { open, busy: isLoading, modal };
}
