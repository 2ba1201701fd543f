import { Col, Form, Input } from 'antd';
import { personRules } from './intakeRules';

/** 联系电话 of a party card, person or organisation alike: the same contract check and hint. */
export function PartyPhoneItem({ name }: { name: number }) {
  return (
    <Col span={6}>
      <Form.Item name={[name, 'phone']} label="联系电话" rules={personRules.phone} validateDebounce={400}>
        <Input maxLength={40} placeholder="手机或 0952-xxxxxxx" />
      </Form.Item>
    </Col>
  );
}
