import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import {
  agentAuthorityLabels,
  idTypeLabels,
  partyRoleLabels,
  sexLabels,
  type CasePartyDto,
} from '../../../main/contract';
import { RevealableId } from './RevealableId';

const roleColors = { applicant: 'blue', respondent: 'orange', third_party: 'default' } as const;
const dash = (v: string | null | undefined) => v || '—';

/** One party as the case page shows it: the ID number masked until 查看. */
export function PartyDetailCard({ caseId, party }: { caseId: string; party: CasePartyDto }) {
  const person = party.kind === 'person';
  const agent = party.agent;
  return (
    <Card
      size="small"
      type="inner"
      title={
        <Space>
          <Tag color={roleColors[party.role]}>{partyRoleLabels[party.role]}</Tag>
          <Typography.Text strong>{party.name}</Typography.Text>
          <Typography.Text type="secondary">{person ? '自然人' : '单位'}</Typography.Text>
        </Space>
      }
      style={{ height: '100%' }}
    >
      <Descriptions size="small" column={2} styles={{ label: { width: 96 } }}>
        {person ? (
          <>
            <Descriptions.Item label="性别">{party.sex ? sexLabels[party.sex] : '—'}</Descriptions.Item>
            <Descriptions.Item label="民族">{dash(party.ethnicity)}</Descriptions.Item>
            <Descriptions.Item label="出生日期">{dash(party.birthDate)}</Descriptions.Item>
            <Descriptions.Item label="职业">{dash(party.occupation)}</Descriptions.Item>
            <Descriptions.Item label={party.idType ? idTypeLabels[party.idType] : '证件号码'} span={2}>
              <RevealableId caseId={caseId} casePartyId={party.casePartyId} masked={party.idNumberMasked} />
            </Descriptions.Item>
          </>
        ) : (
          <>
            <Descriptions.Item label="信用代码" span={2}>
              {dash(party.creditCode)}
            </Descriptions.Item>
            <Descriptions.Item label="法定代表人">{dash(party.representative)}</Descriptions.Item>
            <Descriptions.Item label="职务">{dash(party.representativeTitle)}</Descriptions.Item>
          </>
        )}
        <Descriptions.Item label="联系电话" span={2}>
          {dash(party.phone)}
        </Descriptions.Item>
        <Descriptions.Item label={person ? '住址' : '住所'} span={2}>
          {dash(party.address)}
        </Descriptions.Item>
      </Descriptions>
      {agent && (
        <Descriptions
          size="small"
          column={2}
          title={<Typography.Text type="secondary">委托代理人</Typography.Text>}
          styles={{ label: { width: 96 }, header: { marginBottom: 4, marginTop: 8 } }}
        >
          <Descriptions.Item label="姓名">{agent.name}</Descriptions.Item>
          <Descriptions.Item label="关系">{dash(agent.relation)}</Descriptions.Item>
          <Descriptions.Item label="代理权限">{agentAuthorityLabels[agent.authority]}</Descriptions.Item>
          <Descriptions.Item label="电话">{dash(agent.phone)}</Descriptions.Item>
          <Descriptions.Item label="代理事项" span={2}>
            {dash(agent.authorityDetail)}
          </Descriptions.Item>
          <Descriptions.Item label="证件号码" span={2}>
            <RevealableId
              caseId={caseId}
              casePartyId={party.casePartyId}
              masked={agent.idNumberMasked}
              agent
            />
          </Descriptions.Item>
        </Descriptions>
      )}
    </Card>
  );
}
