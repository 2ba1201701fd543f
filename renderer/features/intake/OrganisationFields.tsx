import { Col, Form, Input, Row } from 'antd';
import { creditCodeRules, organisationRules } from './intakeRules';
import { PartyNameItem } from './PartyNameItem';
import type { PartyFieldProps } from './partyFieldProps';
import { PartyPhoneItem } from './PartyPhoneItem';

/** 名称 … 住所 of an organisation. A credit code failing its check only warns (yellow). */
export function OrganisationFields({ name, onPick, onLastEnter }: PartyFieldProps) {
  return (
    <>
      <Row gutter={12}>
        <Col span={9}>
          <PartyNameItem
            name={name}
            kind="organisation"
            label="单位名称"
            rules={organisationRules.name}
            onPick={onPick}
            placeholder="与营业执照一致，可查找已登记单位"
          />
        </Col>
        <Col span={9}>
          <Form.Item
            name={[name, 'creditCode']}
            label="统一社会信用代码"
            rules={creditCodeRules}
            validateDebounce={400}
          >
            <Input maxLength={30} placeholder="18位，见营业执照" />
          </Form.Item>
        </Col>
        <PartyPhoneItem name={name} />
      </Row>
      <Row gutter={12}>
        <Col span={6}>
          <Form.Item
            name={[name, 'representative']}
            label="法定代表人（负责人）"
            rules={organisationRules.representative}
          >
            <Input maxLength={40} />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item
            name={[name, 'representativeTitle']}
            label="职务"
            rules={organisationRules.representativeTitle}
          >
            <Input maxLength={20} />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item name={[name, 'address']} label="住所" rules={organisationRules.address}>
            <Input maxLength={120} onPressEnter={onLastEnter} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
