import { FileExcelOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import type { ListCasesInput } from '../../../main/contract';
import { baseApi } from '../../api/baseApi';
import { DeskError, invoke } from '../../api/desk';
import { useAppDispatch } from '../../app/hooks';
import { fromBase64, saveBlob } from '../../components/files';
import { useDocumentPlatformQuery } from '../documents/documentsApi';

/**
 * 导出Excel: the cases the list holds for its current conditions (all pages, in its order), as an
 * .xlsx with ID numbers masked. The desktop asks where to save it; a browser downloads it.
 * The bytes are never cached; the export is audited with its conditions.
 */
export function ExportButton({ input, total }: { input: ListCasesInput; total: number | undefined }) {
  const { message } = App.useApp();
  const dispatch = useAppDispatch();
  const { data: platform } = useDocumentPlatformQuery();
  const [busy, setBusy] = useState(false);

  const run = async () => {
    setBusy(true);
    try {
      const { page: _page, pageSize: _size, ...conditions } = input;
      const result = await invoke('cases:export', {
        ...conditions,
        mode: platform?.saveAs ? 'saveAs' : 'download',
      });
      dispatch(baseApi.util.invalidateTags(['Audit']));
      if (result.file) {
        saveBlob(fromBase64(result.file.dataBase64, result.file.mimeType), result.file.fileName);
        void message.success(`已导出 ${result.rows} 件案件：${result.file.fileName}`);
      } else if (result.done) {
        void message.success(`已导出 ${result.rows} 件案件，保存到 ${result.savedTo}`);
      }
    } catch (error) {
      void message.error(error instanceof DeskError ? error.message : '导出未完成，请重试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button icon={<FileExcelOutlined />} loading={busy} disabled={total === 0} onClick={() => void run()}>
      导出Excel
    </Button>
  );
}
