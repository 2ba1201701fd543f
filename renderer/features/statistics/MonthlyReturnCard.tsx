import { FileExcelOutlined, SendOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Popconfirm, Select, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { baseApi } from '../../api/baseApi';
import { DeskError, invoke } from '../../api/desk';
import { useAccess } from '../../app/access';
import { useAppDispatch } from '../../app/hooks';
import { fromBase64, saveBlob } from '../../components/files';
import { useGetCatalogQuery } from '../catalog/catalogApi';
import { useReturnStatusQuery, useSubmitReturnMutation } from './statisticsApi';

/** 月报: export the month's 人民调解工作统计表 (汇总 or one committee), 报送 it, and see what changed since. */
export function MonthlyReturnCard() {
  const { message } = App.useApp();
  const dispatch = useAppDispatch();
  const { can } = useAccess();
  const [month, setMonth] = useState(dayjs().subtract(1, 'month'));
  const [committeeId, setCommitteeId] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const { data: catalog } = useGetCatalogQuery();
  const input = { month: month.format('YYYY-MM'), ...(committeeId ? { committeeId } : {}) };
  const { data: status } = useReturnStatusQuery(input, { refetchOnMountOrArgChange: true });
  const [submit, submitting] = useSubmitReturnMutation();

  const exportFile = async () => {
    setBusy(true);
    try {
      const file = await invoke('statistics:monthlyReturn', input);
      dispatch(baseApi.util.invalidateTags(['Audit']));
      saveBlob(fromBase64(file.dataBase64, file.mimeType), file.fileName);
      void message.success(`已导出：${file.fileName}`);
    } catch (error) {
      void message.error(error instanceof DeskError ? error.message : '导出未完成，请重试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title="月报（人民调解工作统计表）">
      <Space wrap>
        <DatePicker
          picker="month"
          allowClear={false}
          value={month}
          onChange={(v) => v && setMonth(v)}
          aria-label="月报月份"
        />
        <Select
          allowClear
          placeholder="汇总（全部调委会）"
          style={{ width: 260 }}
          value={committeeId}
          onChange={setCommitteeId}
          options={(catalog?.committees ?? []).map((c) => ({ value: c.id, label: c.name }))}
          aria-label="月报调委会"
        />
        <Button type="primary" icon={<FileExcelOutlined />} loading={busy} onClick={() => void exportFile()}>
          导出月报
        </Button>
        {can('statistics:manage') && !status?.submitted && (
          <Popconfirm
            title={`报送${month.format('YYYY年M月')}的月报？`}
            description="报送后本月数字锁定；之后的数据变动只列为差异，不改动已报送的数字。"
            okText="报送"
            cancelText="取消"
            onConfirm={() =>
              submit(input)
                .unwrap()
                .then(() => void message.success('已报送'))
                .catch((e: { message?: string }) => void message.error(e.message ?? '报送未完成'))
            }
          >
            <Button icon={<SendOutlined />} loading={submitting.isLoading}>
              报送
            </Button>
          </Popconfirm>
        )}
      </Space>
      <div style={{ marginTop: 8 }}>
        {status?.submitted ? (
          <Typography.Text>
            已报送：{status.submitted.byName}，{dayjs(status.submitted.at).format('YYYY-MM-DD HH:mm')}。
            {status.differences.length
              ? '报送后以下数字有变动（月报仍为报送时的数字）：'
              : '报送后数字没有变动。'}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">本月尚未报送，导出的是当前数字。</Typography.Text>
        )}
      </div>
      {status && status.differences.length > 0 && (
        <Table
          size="small"
          style={{ marginTop: 8 }}
          pagination={false}
          rowKey={(d) => `${d.sheet}|${d.row}|${d.column}`}
          dataSource={status.differences}
          columns={[
            { title: '表', dataIndex: 'sheet' },
            { title: '行', dataIndex: 'row' },
            { title: '栏目', dataIndex: 'column' },
            { title: '报送时', dataIndex: 'submitted', align: 'right' },
            { title: '现在', dataIndex: 'now', align: 'right' },
          ]}
        />
      )}
    </Card>
  );
}
