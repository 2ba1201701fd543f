import { PrinterOutlined } from '@ant-design/icons';
import { App, Button, Space, Typography } from 'antd';
import { useState } from 'react';
import type { DocumentKindIdDto, DocumentVersionDto } from '../../../main/contract';
import { asApiError } from '../../components/forms';
import { useCaseDocumentsQuery, useGenerateDocumentMutation } from './documentsApi';
import { PreviewModal } from './PreviewModal';

interface Props {
  caseId: string;
  kind: DocumentKindIdDto;
  label: string;
  primary?: boolean;
  /** Say under the button why it cannot print yet (otherwise only on hover). */
  showReasons?: boolean;
}

/**
 * One click to the printable pages: generates the form as the case stands now (a new stored
 * version, audited) and opens its preview, where 打印 is the primary button. Disabled, with the
 * reason, while the form cannot be made yet.
 */
export function PrintDocumentButton({ caseId, kind, label, primary = false, showReasons = false }: Props) {
  const { message } = App.useApp();
  const { data } = useCaseDocumentsQuery(caseId);
  const [generate, { isLoading }] = useGenerateDocumentMutation();
  const [preview, setPreview] = useState<DocumentVersionDto | null>(null);
  const row = data?.kinds.find((k) => k.kind === kind);
  const reasons = row && !row.available ? row.reasons : [];

  const print = async () => {
    const result = await generate({ caseId, kind });
    if ('error' in result) void message.error(asApiError(result.error).message);
    else setPreview(result.data);
  };

  return (
    <>
      <Space orientation="vertical" size={2} style={{ alignItems: 'flex-start' }}>
        <Button
          type={primary ? 'primary' : 'default'}
          icon={<PrinterOutlined />}
          loading={isLoading}
          disabled={!row || reasons.length > 0}
          title={reasons.join('；') || undefined}
          onClick={() => void print()}
        >
          {label}
        </Button>
        {showReasons &&
          reasons.map((r) => (
            <Typography.Text key={r} type="secondary" style={{ fontSize: 12, maxWidth: 260 }}>
              {r}
            </Typography.Text>
          ))}
      </Space>
      {preview && <PreviewModal key={preview.id} version={preview} onClose={() => setPreview(null)} />}
    </>
  );
}
