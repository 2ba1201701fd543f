import { Card, List, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { qualityIssueLabels } from '../../../main/contract';
import { useQualityQuery } from './statisticsApi';

/** 数据质量: records that contradict each other, each linking to the case page where it is fixed. */
export function QualityCard({ from, to }: { from: string; to: string }) {
  const { data } = useQualityQuery({ from, to });
  const items = data?.items ?? [];
  return (
    <Card size="small" title={`数据质量（${items.length}${data?.truncated ? '+' : ''}）`}>
      {items.length === 0 ? (
        <Typography.Text type="secondary">本期没有发现需要更正的记录。</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(i) => (
            <List.Item>
              <Tag color="orange">{qualityIssueLabels[i.kind]}</Tag>
              <Link to={`/cases/${i.caseId}`}>{i.caseNumber}</Link>
              <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                {i.partyNames} · 受理 {i.receivedOn} · 去更正
              </Typography.Text>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
