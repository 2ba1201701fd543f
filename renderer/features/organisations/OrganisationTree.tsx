import { ExclamationCircleFilled, SearchOutlined } from '@ant-design/icons';
import { Empty, Input, Tag, Tooltip, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useMemo, useState } from 'react';
import {
  organisationKindLabels,
  type CompositionNote,
  type OrganisationDto,
  type OrganisationKind,
} from '../../../main/contract';

import { kindColors, kindShortLabels } from './orgRules';

// The hierarchy as the county sees it: the center with its sector committees and stationed
// rooms, then each township with its villages. Siblings are grouped by kind.

const kindOrder: OrganisationKind[] = [
  'county_center',
  'sector',
  'stationed',
  'room',
  'unit',
  'township',
  'village',
  'other',
];

interface Props {
  organisations: OrganisationDto[];
  notes: Map<string, CompositionNote[]>;
  selectedId: string | null;
  onSelect: (id: string) => void;
  today: string;
}

export function OrganisationTree({ organisations, notes, selectedId, onSelect, today }: Props) {
  const [query, setQuery] = useState('');
  const [expanded, setExpanded] = useState<string[] | null>(null);
  const byId = useMemo(() => new Map(organisations.map((o) => [o.id, o])), [organisations]);

  const ancestorsOf = (id: string): string[] => {
    const out: string[] = [];
    for (let at = byId.get(id)?.parentId; at && !out.includes(at); at = byId.get(at)?.parentId) out.push(at);
    return out;
  };

  const q = query.trim();
  const visible = useMemo(() => {
    if (!q) return null;
    const keep = new Set<string>();
    for (const o of organisations) {
      if (!o.name.includes(q) && !o.abbreviation.includes(q)) continue;
      keep.add(o.id);
      for (let at = o.parentId; at && !keep.has(at); at = byId.get(at)?.parentId ?? null) keep.add(at);
    }
    return keep;
  }, [q, organisations, byId]);

  const treeData = useMemo(() => {
    const children = new Map<string | null, OrganisationDto[]>();
    for (const o of organisations) {
      if (visible && !visible.has(o.id)) continue;
      const parent = o.parentId && byId.has(o.parentId) ? o.parentId : null;
      children.set(parent, [...(children.get(parent) ?? []), o]);
    }
    const build = (parent: string | null): DataNode[] =>
      (children.get(parent) ?? [])
        .map((o, index) => ({ o, index }))
        .sort((a, b) => kindOrder.indexOf(a.o.kind) - kindOrder.indexOf(b.o.kind) || a.index - b.index)
        .map(({ o }) => {
          const warnings = (notes.get(o.id) ?? []).filter((n) => n.level === 'warning');
          const revoked = o.activeTo !== null && o.activeTo < today;
          const kids = build(o.id);
          return {
            key: o.id,
            children: kids.length ? kids : undefined,
            title: (
              <span className="org-node" data-testid={`org-node-${o.name}`}>
                <Tooltip title={organisationKindLabels[o.kind]}>
                  <Tag
                    color={kindColors[o.kind]}
                    style={{ marginInlineEnd: 6, fontSize: 11, lineHeight: '16px', paddingInline: 4 }}
                  >
                    {kindShortLabels[o.kind]}
                  </Tag>
                </Tooltip>
                <Typography.Text delete={revoked} type={revoked ? 'secondary' : undefined}>
                  {o.name}
                </Typography.Text>
                {warnings.length > 0 && (
                  <Tooltip title={warnings.map((w) => w.text).join('；')}>
                    <ExclamationCircleFilled
                      style={{ color: '#faad14', marginInlineStart: 6 }}
                      aria-label="组成提示"
                    />
                  </Tooltip>
                )}
              </span>
            ),
          };
        });
    return build(null);
  }, [organisations, byId, visible, notes, today]);

  // A newly selected organisation (e.g. one just added) is revealed by opening its ancestors;
  // adjusting state while rendering, as React recommends, rather than in an effect.
  const [revealed, setRevealed] = useState<string | null>(null);
  const baseExpanded = expanded ?? organisations.filter((o) => o.kind === 'county_center').map((o) => o.id);
  if (selectedId !== revealed && byId.has(selectedId ?? '')) {
    setRevealed(selectedId);
    setExpanded([...new Set([...baseExpanded, ...ancestorsOf(selectedId!)])]);
  }
  const expandedKeys = visible ? [...visible] : baseExpanded;

  return (
    <>
      <Input
        allowClear
        prefix={<SearchOutlined style={{ color: '#bfbfbf' }} />}
        placeholder="按名称或简称查找"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        style={{ marginBottom: 12 }}
      />
      {treeData.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有找到匹配的组织" />
      ) : (
        <Tree
          blockNode
          showLine={{ showLeafIcon: false }}
          height={640}
          treeData={treeData}
          selectedKeys={selectedId ? [selectedId] : []}
          expandedKeys={expandedKeys}
          onExpand={(keys) => setExpanded(keys.map(String))}
          onSelect={(keys) => {
            const key = keys[0];
            if (key !== undefined) onSelect(String(key));
          }}
        />
      )}
    </>
  );
}
