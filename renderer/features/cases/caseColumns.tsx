import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { caseSourceLabels, type CaseListItem } from '../../../main/contract';
import { amountText, RiskTag, StatusTag } from './caseTags';
import { PartyNamesCell } from './PartyNamesCell';
import type { CaseListParams } from './useCaseListParams';

/** Every column the list can show; key = what the column settings remember. Never an ID number. */
export function caseColumns(params: CaseListParams): TableColumnsType<CaseListItem> {
  const order = (key: CaseListParams['sort']) =>
    params.sort === key ? (params.order === 'asc' ? ('ascend' as const) : ('descend' as const)) : null;
  return [
    {
      key: 'caseNumber',
      title: '案号',
      dataIndex: 'caseNumber',
      width: 180,
      sorter: true,
      sortOrder: order('caseNumber'),
      render: (v: string, c) => (
        <Link to={`/cases/${c.id}`} onClick={(e) => e.stopPropagation()}>
          {v}
        </Link>
      ),
    },
    {
      key: 'partyNames',
      title: '当事人',
      dataIndex: 'partyNames',
      width: 200,
      ellipsis: { showTitle: false },
      render: (_v: string, c) => <PartyNamesCell item={c} query={params.q} />,
    },
    { key: 'disputeTypeName', title: '纠纷类型', dataIndex: 'disputeTypeName', width: 100, ellipsis: true },
    {
      key: 'place',
      title: '乡镇 / 村（社区）',
      width: 140,
      ellipsis: true,
      render: (_v, c) => (c.village ? `${c.township} ${c.village}` : c.township),
    },
    { key: 'committeeName', title: '受理调委会', dataIndex: 'committeeName', width: 190, ellipsis: true },
    {
      key: 'source',
      title: '案件来源',
      dataIndex: 'source',
      width: 130,
      render: (v: CaseListItem['source']) => caseSourceLabels[v],
    },
    {
      key: 'receivedOn',
      title: '受理日期',
      dataIndex: 'receivedOn',
      width: 104,
      sorter: true,
      sortOrder: order('receivedOn'),
    },
    { key: 'receivedByName', title: '登记人', dataIndex: 'receivedByName', width: 90, ellipsis: true },
    {
      key: 'amount',
      title: '涉及金额（元）',
      dataIndex: 'amountFen',
      width: 122,
      align: 'right',
      sorter: true,
      sortOrder: order('amount'),
      render: (v: number | null) => amountText(v),
    },
    {
      key: 'riskLevel',
      title: '风险',
      dataIndex: 'riskLevel',
      width: 60,
      render: (v: CaseListItem['riskLevel']) => <RiskTag level={v} />,
    },
    {
      key: 'status',
      title: '状态',
      dataIndex: 'status',
      width: 90,
      render: (v: CaseListItem['status']) => <StatusTag status={v} />,
    },
  ];
}

/** Shown until the clerk chooses otherwise: the list fits a 1280-pixel window without scrolling sideways. */
export const defaultHiddenColumns = ['committeeName', 'source', 'receivedByName'];
