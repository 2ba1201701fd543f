import { Button, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { subsidyGradeLabels, type SubsidyCaseDto } from '../../../main/contract';
import { useAccess } from '../../app/access';
import { GradeModal } from './GradeModal';

/** Closed cases with their proposed and confirmed grade, and whether (or why not) they may be paid. */
export function SubsidyCasesTable(props: { cases: SubsidyCaseDto[]; loading: boolean }) {
  const { can } = useAccess();
  const [grading, setGrading] = useState<SubsidyCaseDto | null>(null);
  return (
    <>
      <Table<SubsidyCaseDto>
        size="middle"
        rowKey="caseId"
        loading={props.loading}
        dataSource={props.cases}
        data-testid="subsidy-cases"
        tableLayout="fixed"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: '没有已结案的案件' }}
        columns={[
          {
            title: '案件',
            key: 'case',
            width: 200,
            render: (_v, c) => (
              <div>
                <Link to={`/cases/${c.caseId}`}>{c.caseNumber}</Link>
                <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12 }}>
                  {c.partyNames}
                </Typography.Text>
              </div>
            ),
          },
          { title: '调委会', dataIndex: 'committeeName', key: 'committee', width: 170, ellipsis: true },
          { title: '结案', dataIndex: 'closedOn', key: 'closed', width: 105 },
          {
            title: '建议等级',
            key: 'proposed',
            width: 170,
            render: (_v, c) => (
              <div>
                {subsidyGradeLabels[c.proposed]}
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {c.basis}
                </Typography.Text>
              </div>
            ),
          },
          {
            title: '审核等级',
            key: 'grade',
            width: 110,
            render: (_v, c) =>
              c.grade ? (
                <div>
                  <Tag color={c.grade === c.proposed ? 'blue' : 'purple'}>{subsidyGradeLabels[c.grade]}</Tag>
                  {c.gradeReason && (
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                      {c.gradeReason}
                    </Typography.Text>
                  )}
                </div>
              ) : (
                <Typography.Text type="secondary">待审核</Typography.Text>
              ),
          },
          {
            title: '补贴',
            key: 'eligible',
            width: 170,
            render: (_v, c) =>
              c.paid ? (
                <Tag color="green">已结算</Tag>
              ) : c.eligible ? (
                <Tag color="cyan">可补贴</Tag>
              ) : (
                <Typography.Text type="warning" style={{ fontSize: 12 }}>
                  不可补贴：{c.reasons.join('；')}
                </Typography.Text>
              ),
          },
          ...(can('subsidy:review')
            ? [
                {
                  title: '',
                  key: 'act',
                  width: 70,
                  render: (_v: unknown, c: SubsidyCaseDto) => (
                    <Button size="small" onClick={() => setGrading(c)}>
                      定级
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <GradeModal item={grading} onClose={() => setGrading(null)} />
    </>
  );
}
