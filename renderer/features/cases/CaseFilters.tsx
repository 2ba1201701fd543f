import { AutoComplete, Col, DatePicker, Input, Row, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { caseStatusLabels, caseStatuses, type CatalogDto } from '../../../main/contract';
import {
  committeeOptions,
  disputeTypeOptions,
  labelContains,
  townshipOptions,
  villageOptions,
} from '../catalog/catalogOptions';
import type { CaseListParams } from './useCaseListParams';

const search = { filterOption: labelContains };

interface Props {
  params: CaseListParams;
  update: (change: Partial<CaseListParams>) => void;
  catalog: CatalogDto | undefined;
}

/** The one search box (searches as you type) and the filters under it, on one aligned row. */
export function CaseFilters({ params, update, catalog }: Props) {
  const [text, setText] = useState(params.q);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const onType = (value: string) => {
    setText(value);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => update({ q: value }), 350);
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%', marginBottom: 12 }}>
      <Input.Search
        autoFocus
        allowClear
        size="large"
        value={text}
        onChange={(e) => onType(e.target.value)}
        onSearch={(v) => {
          window.clearTimeout(timer.current);
          update({ q: v });
        }}
        placeholder="当事人姓名、案号、电话、身份证号码（或后4位以上）、纠纷内容关键词"
        aria-label="搜索案件"
        enterButton="搜索"
      />
      <Row gutter={[8, 8]}>
        <Col span={4}>
          <Select
            mode="multiple"
            allowClear
            placeholder="全部状态"
            style={{ width: '100%' }}
            maxTagCount="responsive"
            value={params.statuses}
            onChange={(statuses) => update({ statuses })}
            options={caseStatuses.map((s) => ({ value: s, label: caseStatusLabels[s] }))}
            // Tall enough for every status, 已作废 included: a virtual list renders only what fits.
            listHeight={caseStatuses.length * 32 + 8}
            showSearch={search}
            aria-label="状态"
          />
        </Col>
        <Col span={4}>
          <Select
            allowClear
            placeholder="全部纠纷类型"
            style={{ width: '100%' }}
            value={params.disputeType}
            onChange={(disputeType?: string) => update({ disputeType })}
            options={disputeTypeOptions(catalog, true)}
            showSearch={search}
            popupMatchSelectWidth={false}
            aria-label="纠纷类型"
          />
        </Col>
        <Col span={3}>
          <Select
            allowClear
            placeholder="全部乡镇"
            style={{ width: '100%' }}
            value={params.township}
            onChange={(township?: string) => update({ township, village: undefined })}
            options={townshipOptions(catalog)}
            showSearch={search}
            aria-label="乡镇"
          />
        </Col>
        <Col span={3}>
          <AutoComplete
            allowClear
            placeholder="村（社区）"
            style={{ width: '100%' }}
            disabled={!params.township}
            defaultValue={params.village}
            key={params.township ?? ''}
            options={villageOptions(catalog, params.township)}
            showSearch={search}
            onBlur={(e) => update({ village: (e.target as HTMLInputElement).value.trim() || undefined })}
            onSelect={(village: string) => update({ village })}
            onClear={() => update({ village: undefined })}
            aria-label="村（社区）"
          />
        </Col>
        <Col span={4}>
          <Select
            allowClear
            placeholder="全部调委会"
            style={{ width: '100%' }}
            value={params.committeeId}
            onChange={(committeeId?: string) => update({ committeeId })}
            options={committeeOptions(catalog)}
            showSearch={search}
            popupMatchSelectWidth={false}
            aria-label="调委会"
          />
        </Col>
        <Col span={6}>
          <DatePicker.RangePicker
            style={{ width: '100%' }}
            placeholder={['受理日期起', '受理日期止']}
            value={[params.from ? dayjs(params.from) : null, params.to ? dayjs(params.to) : null]}
            allowEmpty={[true, true]}
            onChange={(range) =>
              update({
                from: range?.[0]?.format('YYYY-MM-DD') ?? undefined,
                to: range?.[1]?.format('YYYY-MM-DD') ?? undefined,
              })
            }
          />
        </Col>
      </Row>
    </Space>
  );
}
