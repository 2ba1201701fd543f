import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Upload } from 'antd';
import { asApiError } from '../../components/forms';
import { useProvinceSaveMappingMutation } from './provinceApi';

// The 管理员 adds a report format (a mapping file, fields as in resources/province/dictionary.zh-CN.md): when
// the region publishes or changes its format, the desk needs a new file, not a new version.

export function MappingUpload({ onSaved }: { onSaved: (id: string) => void }) {
  const { message } = App.useApp();
  const [save, { error }] = useProvinceSaveMappingMutation();
  return (
    <>
      <Upload
        accept=".json,application/json"
        showUploadList={false}
        beforeUpload={(file) => {
          void file.text().then(async (text) => {
            const result = await save({ mapping: text });
            if ('data' in result && result.data) {
              onSaved(result.data.id);
              void message.success(`已添加报送格式：${result.data.name}`);
            }
          });
          return false;
        }}
      >
        <Button size="small" icon={<UploadOutlined />}>
          导入映射文件（新增报送格式）
        </Button>
      </Upload>
      {error && <Alert type="error" showIcon style={{ marginTop: 8 }} title={asApiError(error).message} />}
    </>
  );
}
