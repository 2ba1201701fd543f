import { AutoComplete, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import type { PartySuggestion } from '../../../main/contract';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { useSearchPartiesQuery } from '../cases/casesApi';

interface Props {
  value?: string;
  onChange?: (value: string) => void;
  id?: string;
  kind: 'person' | 'organisation';
  /** The party record already chosen, so it is not offered again. */
  partyId?: string;
  onPick: (suggestion: PartySuggestion) => void;
  /** The clerk left the field while registered parties were offered, without taking one. */
  onLeftOffered: (offered: PartySuggestion[]) => void;
  placeholder?: string;
}

function describe(s: PartySuggestion): string {
  return [s.idNumberMasked ?? s.creditCode, s.phone, s.address].filter(Boolean).join(' · ');
}

/**
 * A name field that offers parties already on record (parties:search: the name from its start or
 * anywhere in it) as the clerk types, so a person who comes back is one party record. The first
 * offer is highlighted: Enter takes it (↓ ↑ choose another); plain typing and Tab stay free text. Leaving
 * the field with offers on screen and none taken is reported, so a half-typed name is never saved
 * silently as a new party.
 */
export function PartyNameInput({
  value,
  onChange,
  id,
  kind,
  partyId,
  onPick,
  onLeftOffered,
  placeholder,
}: Props) {
  const query = useDebouncedValue((value ?? '').trim(), 300);
  const { data = [] } = useSearchPartiesQuery(query, { skip: query.length < 2 });
  const current = (value ?? '').trim();
  // Offers for what is typed now (not for an earlier, shorter query still on screen).
  const suggestions = query === current ? data.filter((s) => s.kind === kind && s.partyId !== partyId) : [];
  // Suggestions arrive after a pause; by then the clerk may have tabbed on. Only show them while
  // the field has focus, so a late answer never pops a list over the next field.
  const [focused, setFocused] = useState(false);

  return (
    // Enter takes an offer; Tab only moves on (the list's own Tab would adopt the highlighted party
    // without the clerk choosing it), and leaving with offers on screen is reported on blur.
    <div
      onKeyDownCapture={(e) => {
        if (e.key === 'Tab') e.stopPropagation();
      }}
    >
      <AutoComplete
        id={id}
        value={value}
        open={focused ? undefined : false}
        defaultActiveFirstOption
        onFocus={() => setFocused(true)}
        onBlur={() => {
          setFocused(false);
          onLeftOffered(suggestions);
        }}
        options={suggestions.map((s) => ({
          value: s.partyId,
          label: (
            <Space orientation="vertical" size={0} data-testid="party-suggestion">
              <span>
                {s.name}
                <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
                  {s.caseCount > 0 ? `已涉及${s.caseCount}件案件` : '无有效案件'}
                </Typography.Text>
              </span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {describe(s) || '无证件信息'}
              </Typography.Text>
            </Space>
          ),
        }))}
        onChange={(next: string) => {
          // Picking an option reports its partyId here first; onSelect handles it.
          if (!suggestions.some((s) => s.partyId === next)) onChange?.(next);
        }}
        onSelect={(picked: string) => {
          const s = suggestions.find((x) => x.partyId === picked);
          if (s) onPick(s);
        }}
        popupMatchSelectWidth={360}
      >
        <Input placeholder={placeholder} maxLength={kind === 'person' ? 40 : 80} />
      </AutoComplete>
    </div>
  );
}
