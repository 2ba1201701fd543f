import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Table, Tag, Upload } from 'antd';
import {
  DOSSIER_SCAN_MIME_TYPES,
  MAX_PAPER_BYTES,
  type DossierDto,
  type DossierItemDto,
} from '../../../main/contract';
import { asApiError } from '../../components/forms';
import { fileChecks, toBase64 } from '../../components/files';
import { useAttachPaperMutation } from './dossiersApi';

// The file's items in binding order: present / missing / not applicable, where each comes from,
// and 补充扫描件 for paper the archivist scans in (ID proofs, powers of attorney, a signed
// agreement, receipts…). The service checks every file again and says what is wrong with it.

type PaperMime = (typeof DOSSIER_SCAN_MIME_TYPES)[number];

const papers = fileChecks<PaperMime>({
  mimes: DOSSIER_SCAN_MIME_TYPES,
  byExtension: { pdf: 'application/pdf', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png' },
  maxBytes: MAX_PAPER_BYTES,
  allowed: '扫描件只能是 PDF、JPG 或 PNG 文件',
  tooLarge: '超过20 MB，请降低扫描分辨率或分开上传',
});

const statusTag = (i: DossierItemDto) =>
  i.status === 'present' ? (
    <Tag color="green">已有</Tag>
  ) : i.status === 'missing' ? (
    <Tag color={i.mandatory ? 'red' : 'orange'}>缺少</Tag>
  ) : (
    <Tag>不适用</Tag>
  );

function AttachButton({ caseId, item }: { caseId: string; item: DossierItemDto }) {
  const [attach, { isLoading }] = useAttachPaperMutation();
  const { message } = App.useApp();
  return (
    <Upload
      accept=".pdf,.jpg,.jpeg,.png"
      showUploadList={false}
      beforeUpload={(file) => {
        const problem = papers.problem(file);
        const mimeType = papers.mimeOf(file);
        if (problem || !mimeType) {
          void message.error(`${file.name}：${problem ?? '扫描件只能是 PDF、JPG 或 PNG 文件'}`);
          return Upload.LIST_IGNORE;
        }
        void (async () => {
          const result = await attach({
            caseId,
            item: item.key as never,
            fileName: file.name.slice(0, 120),
            mimeType,
            dataBase64: await toBase64(file),
          });
          if ('error' in result) void message.error(asApiError(result.error).message);
          else void message.success(`已补充${item.title}：${file.name}`);
        })();
        return false;
      }}
    >
      <Button
        size="small"
        icon={<UploadOutlined />}
        loading={isLoading}
        aria-label={`补充扫描件：${item.title}`}
      >
        补充扫描件
      </Button>
    </Upload>
  );
}

export function DossierItems({ d, editable }: { d: DossierDto; editable: boolean }) {
  const rows = d.items;
  return (
    <Table<DossierItemDto>
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={rows}
      data-testid="dossier-items"
      columns={[
        { title: '序号', width: 56, render: (_v, _r, i) => i + 1 },
        {
          title: '材料',
          dataIndex: 'title',
          render: (title: string, i) => (
            <span>
              {title}
              {i.mandatory && <Tag style={{ marginLeft: 6 }}>必备</Tag>}
            </span>
          ),
        },
        { title: '状态', width: 80, render: (_v, i) => statusTag(i) },
        { title: '来源', dataIndex: 'source', width: 130 },
        {
          title: '说明',
          render: (_v, i) => i.problem ?? '',
        },
        {
          title: '',
          width: 120,
          render: (_v, i) =>
            editable && i.paper && i.status !== 'notApplicable' ? (
              <AttachButton caseId={d.caseId} item={i} />
            ) : null,
        },
      ]}
      footer={
        editable
          ? () => (
              <span>
                其他材料（如履行凭证、司法确认材料、证据材料）：
                {rows
                  .filter(
                    (i) =>
                      i.paper &&
                      i.status === 'notApplicable' &&
                      i.key !== 'oral-agreement' &&
                      i.key !== 'agreement' &&
                      i.key !== 'termination-notice',
                  )
                  .map((i) => (
                    <span key={i.key} style={{ marginRight: 8 }}>
                      <AttachButton caseId={d.caseId} item={i} /> {i.title}
                    </span>
                  ))}
              </span>
            )
          : undefined
      }
    />
  );
}
