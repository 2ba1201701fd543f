import { Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { CaseListItem } from '../../../main/contract';

/** The query's words (or its digits) marked where they occur in the text. */
export function highlight(text: string, query: string): ReactNode[] {
  const terms = query
    .normalize('NFKC')
    .split(/\s+/)
    .map((t) => t.trim())
    .filter((t) => t.length > 0)
    .map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (!terms.length) return [text];
  const parts = text.split(new RegExp(`(${terms.join('|')})`, 'gi'));
  return parts.map((part, i) =>
    i % 2 === 1 ? (
      <mark key={i} className="desk-match">
        {part}
      </mark>
    ) : (
      part
    ),
  );
}

/**
 * 当事人 in the case list. With a search, the party the case was found by comes first with what
 * matched marked, then everyone else: the column is narrow, and 马玉兰 must not hide behind
 * "张志军 与 宁夏塞上沃土农…". The full list is on hover.
 */
export function PartyNamesCell({ item, query }: { item: CaseListItem; query: string }) {
  const matched = item.matchedParty;
  return (
    <Tooltip title={item.partyNames} placement="topLeft">
      <span data-testid="party-names">
        {matched ? (
          <>
            <span data-testid="matched-party">{highlight(matched, query)}</span>
            <Typography.Text type="secondary"> · {item.partyNames}</Typography.Text>
          </>
        ) : (
          highlight(item.partyNames, query)
        )}
      </span>
    </Tooltip>
  );
}
