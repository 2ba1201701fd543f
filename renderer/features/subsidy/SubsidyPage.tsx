import { Card, Tabs } from 'antd';
import { ErrorAlert } from '../../components/ErrorAlert';
import { asApiError } from '../../components/forms';
import { SettlementPanel } from './SettlementPanel';
import { SubsidyCasesTable } from './SubsidyCasesTable';
import { useSubsidyCasesQuery } from './subsidyApi';

/** Route /subsidy: 以案定补 — grading the closed cases, and the settlement per period. */
export function SubsidyPage() {
  const cases = useSubsidyCasesQuery(undefined, { refetchOnMountOrArgChange: true });
  const pending = cases.data?.filter((c) => !c.grade).length ?? 0;
  return (
    <Card title="以案定补">
      <ErrorAlert error={cases.error ? asApiError(cases.error) : null} />
      <Tabs
        items={[
          {
            key: 'cases',
            label: `案件定级${pending ? `（${pending}件待审核）` : ''}`,
            children: (
              <SubsidyCasesTable cases={cases.data ?? []} loading={cases.isFetching && !cases.data} />
            ),
          },
          { key: 'settlement', label: '补贴结算', children: <SettlementPanel /> },
        ]}
      />
    </Card>
  );
}
