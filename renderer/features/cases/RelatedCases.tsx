import { List, Typography } from 'antd';
import { Link } from 'react-router';
import type { CaseDetail } from '../../../main/contract';
import { StatusTag } from './caseTags';

/** Cases linked as the same or a connected dispute (e.g. after the repeat warning at intake). */
export function RelatedCases({
  related,
  repeatReason,
}: {
  related: CaseDetail['related'];
  repeatReason: string | null;
}) {
  return (
    <>
      {repeatReason && (
        <Typography.Paragraph type="warning" style={{ marginBottom: 8 }}>
          登记时发现疑似重复纠纷，继续登记的理由：{repeatReason}
        </Typography.Paragraph>
      )}
      <List
        size="small"
        dataSource={related}
        locale={{ emptyText: '无关联案件' }}
        renderItem={(r) => (
          <List.Item>
            <List.Item.Meta
              title={
                <span>
                  <Link to={`/cases/${r.caseId}`}>{r.caseNumber}</Link>
                  <span style={{ marginLeft: 8 }}>
                    <StatusTag status={r.status} />
                  </span>
                </span>
              }
              description={[r.partyNames, r.note].filter(Boolean).join(' · ')}
            />
          </List.Item>
        )}
      />
    </>
  );
}
