import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Upload, type UploadFile } from 'antd';
import { asApiError } from '../../components/forms';
import { acceptAttr, fileProblem, mimeOf, toBase64 } from './files';
import { useAddAttachmentMutation } from './workflowApi';

/** Files chosen for upload: kept in the form until it is saved, checked as they are chosen. */
export function EvidenceUpload({
  value,
  onChange,
}: {
  value?: UploadFile[];
  onChange?: (files: UploadFile[]) => void;
}) {
  const { message } = App.useApp();
  return (
    <Upload
      multiple
      accept={acceptAttr}
      fileList={value ?? []}
      beforeUpload={(file) => {
        const problem = fileProblem(file);
        if (problem) {
          void message.error(problem);
          return Upload.LIST_IGNORE;
        }
        return false;
      }}
      onChange={({ fileList }) => onChange?.(fileList)}
    >
      <Button icon={<UploadOutlined />}>选择文件</Button>
    </Upload>
  );
}

export const evidenceHint =
  '现场照片、票据、病历、鉴定意见等；JPG、PNG、TIFF 图片或 PDF，每个文件不超过10 MB，加密保存在本机数据库中';

/** Sends chosen files one by one; resolves with the messages of those that failed. */
export function useUploadEvidence() {
  const [add] = useAddAttachmentMutation();
  return async (
    caseId: string,
    files: UploadFile[],
    recordId?: string,
    description?: string,
  ): Promise<string[]> => {
    const failures: string[] = [];
    for (const f of files) {
      const file = f.originFileObj;
      const mimeType = file ? mimeOf(file) : null;
      if (!file || !mimeType) continue;
      const result = await add({
        caseId,
        recordId,
        fileName: file.name.slice(0, 120),
        mimeType,
        dataBase64: await toBase64(file),
        description: description || undefined,
      });
      if ('error' in result) {
        failures.push(`“${file.name}”：${asApiError(result.error).message}`);
      }
    }
    return failures;
  };
}
