import { Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import {
  findingDispositionLabels,
  findingKindLabels,
  screeningMethodLabels,
  type RoundDto,
} from '../../../main/contract';

type Finding = RoundDto['findings'][number];

function Findings(props: { findings: Finding[] }) {
  return (
    <Table<Finding>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={props.findings}
      columns={[
        { title: '序号', dataIndex: 'seq', key: 'seq', width: 60 },
        { title: '类别', key: 'kind', width: 90, render: (_v, f) => findingKindLabels[f.kind] },
        { title: '排查情况', dataIndex: 'summary', key: 'summary' },
        {
          title: '处理',
          key: 'disposition',
          width: 300,
          render: (_v, f) => (
            <span>
              {findingDispositionLabels[f.disposition]}
              {f.caseId && f.caseNumber && (
                <>
                  {' '}
                  <Link to={`/cases/${f.caseId}`}>{f.caseNumber}</Link>
                </>
              )}
              {f.note && (
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {f.note}
                </Typography.Text>
              )}
            </span>
          ),
        },
      ]}
    />
  );
}

/** The screening log: one row per round, its findings below it. */
export function RoundsTable(props: { rounds: RoundDto[]; loading: boolean }) {
  return (
    <Table<RoundDto>
      size="middle"
      rowKey="id"
      loading={props.loading}
      dataSource={props.rounds}
      data-testid="screening-rounds"
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: '还没有排查记录' }}
      expandable={{
        expandedRowRender: (r) => <Findings findings={r.findings} />,
        rowExpandable: (r) => r.findings.length > 0,
      }}
      columns={[
        { title: '排查日期', dataIndex: 'heldOn', key: 'heldOn', width: 110 },
        { title: '组织', dataIndex: 'organisationName', key: 'org', ellipsis: true },
        { title: '方式', key: 'method', width: 100, render: (_v, r) => screeningMethodLabels[r.method] },
        { title: '范围', dataIndex: 'area', key: 'area', ellipsis: true },
        { title: '排查人员', dataIndex: 'conductedBy', key: 'who', width: 140, ellipsis: true },
        {
          title: '结果',
          key: 'result',
          width: 150,
          render: (_v, r) =>
            r.zeroReport ? (
              <Tag color="green">零报告</Tag>
            ) : (
              <span>
                发现 {r.findings.length} 条
                {r.findings.some((f) => f.disposition === 'new_case') && (
                  <Tag color="blue" style={{ marginInlineStart: 6 }}>
                    已立案 {r.findings.filter((f) => f.disposition === 'new_case').length}
                  </Tag>
                )}
              </span>
            ),
        },
        { title: '登记人', dataIndex: 'recordedByName', key: 'by', width: 110 },
      ]}
    />
  );
}
