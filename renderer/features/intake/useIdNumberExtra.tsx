import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { checkIdNumber, sexLabels, type PartySuggestion } from '../../../main/contract';
import { useSearchPartiesQuery } from '../cases/casesApi';

/**
 * Under the ID field: what a valid number says (sex, birth date, the 18-digit form of an old
 * 15-digit number), whether it is already on record, or — on edit — the number on file.
 * Undefined when there is nothing to say, so the field keeps its normal height.
 */
export function useIdNumberExtra(props: {
  raw: string | undefined;
  residentId: boolean;
  masked?: string | null | undefined;
  partyId?: string | undefined;
  onPick: (suggestion: PartySuggestion) => void;
}): ReactNode {
  const raw = props.raw?.trim() ?? '';
  const check = props.residentId && raw ? checkIdNumber(raw, new Date()) : null;
  const valid = check?.ok ? check.value : null;
  const { data = [] } = useSearchPartiesQuery(valid?.normalized ?? '', { skip: !valid });
  const known = data.find((s) => s.kind === 'person' && s.partyId !== props.partyId);

  if (!raw) return props.masked ? <span>已登记 {props.masked}；如需更正请输入完整号码</span> : undefined;
  if (!valid) return undefined;
  return (
    <span>
      <Typography.Text type="success">
        {sexLabels[valid.sex]} · {valid.birthDate} 出生
      </Typography.Text>
      {valid.upgradedFrom15 && <span>；按18位保存为 {valid.normalized}</span>}
      {known && (
        <span style={{ display: 'block' }}>
          <Typography.Text type="warning">
            已登记为“{known.name}”（涉及{known.caseCount}件案件），保存时沿用该记录。
          </Typography.Text>
          <Typography.Link onClick={() => props.onPick(known)}>填入其登记信息</Typography.Link>
        </span>
      )}
    </span>
  );
}
