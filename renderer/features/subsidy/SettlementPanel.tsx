import {
  App,
  Button,
  Col,
  DatePicker,
  Popconfirm,
  Row,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { subsidyGradeLabels, type SettlementDto } from '../../../main/contract';
import { invoke } from '../../api/desk';
import { useAccess } from '../../app/access';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fromBase64, saveBlob } from '../../components/files';
import { asApiError } from '../../components/forms';
import { useOfficeToday } from '../todo/todoApi';
import { useApproveSettlementMutation, useRunSettlementMutation, useSettlementQuery } from './subsidyApi';

// One period's settlement: compute (a draft, recomputed until approved), approve and lock, export.

const yuan = (fen: number) => (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2 });
const stateTag = {
  none: <Tag>未计算</Tag>,
  draft: <Tag color="gold">草稿</Tag>,
  locked: <Tag color="green">已审批锁定</Tag>,
};

export function SettlementPanel() {
  const today = useOfficeToday();
  const { can } = useAccess();
  const { message } = App.useApp();
  const [period, setPeriod] = useState(today.slice(0, 7));
  const { data, error } = useSettlementQuery({ period });
  const [run, { isLoading: running }] = useRunSettlementMutation();
  const [approve, { isLoading: approving }] = useApproveSettlementMutation();
  const [exporting, setExporting] = useState(false);
  const reviewer = can('subsidy:review');

  const act = async (what: typeof run, done: string) => {
    const result = await what({ period });
    if ('error' in result) void message.error(asApiError(result.error).message);
    else void message.success(done);
  };
  const onExport = async () => {
    setExporting(true);
    try {
      const file = await invoke('subsidy:export', { period });
      saveBlob(fromBase64(file.dataBase64, file.mimeType), file.fileName);
    } catch (e) {
      void message.error(asApiError(e).message);
    } finally {
      setExporting(false);
    }
  };

  return (
    <div data-testid="subsidy-settlement">
      <Space style={{ marginBottom: 12 }} wrap>
        <DatePicker
          picker="month"
          value={dayjs(`${period}-01`)}
          allowClear={false}
          onChange={(d) => d && setPeriod(d.format('YYYY-MM'))}
          aria-label="结算期"
        />
        {data && stateTag[data.state]}
        {reviewer && data?.state !== 'locked' && (
          <Button loading={running} onClick={() => void act(run, '已计算本期补贴')}>
            {data?.state === 'draft' ? '重新计算' : '计算本期补贴'}
          </Button>
        )}
        {reviewer && data?.state === 'draft' && (
          <Popconfirm
            title="审批后本期结算锁定，不能再修改；此后的更正计入下一期。确定审批？"
            okText="审批锁定"
            cancelText="取消"
            onConfirm={() => void act(approve, '已审批锁定')}
          >
            <Button type="primary" loading={approving}>
              审批锁定
            </Button>
          </Popconfirm>
        )}
        {reviewer && data?.state === 'locked' && (
          <Button loading={exporting} onClick={() => void onExport()}>
            导出 Excel
          </Button>
        )}
        {data?.approvedByName && (
          <Typography.Text type="secondary">
            {data.approvedByName} 于 {dayjs(data.approvedAt).format('YYYY-MM-DD HH:mm')} 审批
          </Typography.Text>
        )}
      </Space>
      <ErrorAlert error={error ? asApiError(error) : null} />
      {data && <SettlementTables s={data} />}
    </div>
  );
}

function SettlementTables({ s }: { s: SettlementDto }) {
  return (
    <>
      <Row gutter={16} style={{ marginBottom: 12 }}>
        <Col span={6}>
          <Statistic title="本期合计（元）" value={yuan(s.totalFen)} data-testid="subsidy-total" />
        </Col>
        <Col span={6}>
          <Statistic
            title="案件数"
            value={new Set(s.lines.filter((l) => l.kind === 'case').map((l) => l.caseId)).size}
          />
        </Col>
        <Col span={6}>
          <Statistic
            title="更正调整"
            value={s.lines.filter((l) => l.kind === 'adjustment').length}
            suffix="条"
          />
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Typography.Title level={5}>按调解员</Typography.Title>
          <Table
            size="small"
            rowKey={(m) => `${m.mediatorName}|${m.committeeName}`}
            pagination={false}
            dataSource={s.byMediator}
            data-testid="subsidy-by-mediator"
            columns={[
              { title: '调解员', dataIndex: 'mediatorName', key: 'm' },
              { title: '调委会', dataIndex: 'committeeName', key: 'c', ellipsis: true },
              { title: '案件', dataIndex: 'cases', key: 'n', width: 60 },
              {
                title: '金额（元）',
                key: 'a',
                width: 110,
                align: 'right',
                render: (_v, m) => yuan(m.amountFen),
              },
            ]}
          />
        </Col>
        <Col span={12}>
          <Typography.Title level={5}>按调委会</Typography.Title>
          <Table
            size="small"
            rowKey="committeeName"
            pagination={false}
            dataSource={s.byCommittee}
            columns={[
              { title: '调委会', dataIndex: 'committeeName', key: 'c', ellipsis: true },
              { title: '案件', dataIndex: 'cases', key: 'n', width: 60 },
              {
                title: '金额（元）',
                key: 'a',
                width: 110,
                align: 'right',
                render: (_v, k) => yuan(k.amountFen),
              },
            ]}
          />
        </Col>
      </Row>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        结算明细
      </Typography.Title>
      <Table
        size="small"
        rowKey={(l) => `${l.caseId}|${l.mediatorName}|${l.kind}`}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        dataSource={s.lines}
        locale={{ emptyText: s.state === 'none' ? '本期尚未计算' : '本期没有可补贴的案件' }}
        columns={[
          { title: '案号', dataIndex: 'caseNumber', key: 'n', width: 230 },
          { title: '调委会', dataIndex: 'committeeName', key: 'c', ellipsis: true },
          { title: '调解员', dataIndex: 'mediatorName', key: 'm', width: 100 },
          { title: '等级', key: 'g', width: 90, render: (_v, l) => subsidyGradeLabels[l.grade] },
          {
            title: '类别',
            key: 'k',
            width: 90,
            render: (_v, l) => (l.kind === 'case' ? '本期案件' : <Tag color="orange">更正调整</Tag>),
          },
          { title: '金额（元）', key: 'a', width: 110, align: 'right', render: (_v, l) => yuan(l.amountFen) },
          { title: '说明', dataIndex: 'note', key: 'note', ellipsis: true },
        ]}
      />
    </>
  );
}
