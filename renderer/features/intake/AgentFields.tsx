import { Col, Form, Input, Radio, Row } from 'antd';
import { agentAuthorities, agentAuthorityLabels } from '../../../main/contract';
import { agentRules } from './intakeRules';
import type { AgentValues } from './intakeValues';

/** 代理人 of one party: who, in what relation, with what authority. Phone is the card's last field. */
export function AgentFields({ name, onLastEnter }: { name: number; onLastEnter: () => void }) {
  const form = Form.useFormInstance();
  const masked = Form.useWatch<AgentValues['idNumberMasked']>(['parties', name, 'agent', 'idNumberMasked'], {
    form,
    preserve: true,
  });
  return (
    <div
      style={{ padding: '12px 12px 0', background: '#fafafa', border: '1px solid #f0f0f0', borderRadius: 4 }}
    >
      <Row gutter={12}>
        <Col span={5}>
          <Form.Item name={[name, 'agent', 'name']} label="代理人姓名" required rules={agentRules.name}>
            <Input maxLength={40} />
          </Form.Item>
        </Col>
        <Col span={5}>
          <Form.Item name={[name, 'agent', 'relation']} label="与当事人关系" rules={agentRules.relation}>
            <Input maxLength={20} placeholder="如：儿子、律师" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name={[name, 'agent', 'authority']} label="代理权限" initialValue="general">
            <Radio.Group
              optionType="button"
              options={agentAuthorities.map((a) => ({ value: a, label: agentAuthorityLabels[a] }))}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name={[name, 'agent', 'idNumber']}
            label="代理人证件号码"
            rules={agentRules.idNumber}
            extra={masked ? `已登记 ${masked}；修改时须重新填写，否则将被清空` : undefined}
          >
            <Input maxLength={40} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={16}>
          <Form.Item
            name={[name, 'agent', 'authorityDetail']}
            label="代理事项"
            rules={agentRules.authorityDetail}
          >
            <Input
              maxLength={200}
              placeholder="特别授权时写明：代为承认、放弃、变更请求，代为签署调解协议等"
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name={[name, 'agent', 'phone']}
            label="代理人电话"
            rules={agentRules.phone}
            validateDebounce={400}
          >
            <Input maxLength={40} onPressEnter={onLastEnter} />
          </Form.Item>
        </Col>
      </Row>
    </div>
  );
}
