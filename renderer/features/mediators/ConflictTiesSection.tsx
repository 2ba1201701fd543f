import { AutoComplete, Col, Form, Input, Row, Typography } from 'antd';
import { householdMember, type MediatorDto } from '../../../main/contract';
import { zodRule } from '../../components/forms';
import { idNumberRule, mediatorShape as shape } from './mediatorForm';
import { RemovableRows } from './RemovableRows';
import { SectionTitle } from './SectionTitle';

// 回避关系: the ties the conflict check compares against a case's parties — village group,
// employer and household members. Household ID numbers arrive masked, like the mediator's own.

const relations = ['配偶', '父亲', '母亲', '儿子', '女儿', '兄弟', '姐妹', '儿媳', '女婿', '孙子女'].map(
  (value) => ({ value }),
);

export function ConflictTiesSection({ editing }: { editing: MediatorDto | undefined }) {
  return (
    <>
      <SectionTitle>回避关系（冲突检查用）</SectionTitle>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="villageGroup" label="所在村民小组" rules={[zodRule(shape.villageGroup)]}>
            <Input maxLength={40} placeholder="如：新胜村三组" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="employer" label="工作单位" rules={[zodRule(shape.employer)]}>
            <Input maxLength={80} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="employerCreditCode"
            label="工作单位统一社会信用代码"
            rules={[zodRule(shape.employerCreditCode)]}
          >
            <Input maxLength={30} />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Text>家庭成员</Typography.Text>
      <RemovableRows
        name="householdMembers"
        rowTestId="household-row"
        removeLabel="删除家庭成员"
        addLabel="添加家庭成员"
        newEntry={() => ({ name: '', relation: '' })}
        style={{ marginTop: 8 }}
      >
        {(index) => (
          <>
            <Col span={6}>
              <Form.Item name={[index, 'name']} rules={[zodRule(householdMember.shape.name)]}>
                <Input placeholder="姓名" aria-label="家庭成员姓名" maxLength={40} />
              </Form.Item>
            </Col>
            <Col span={5}>
              <Form.Item name={[index, 'relation']} rules={[zodRule(householdMember.shape.relation)]}>
                <AutoComplete options={relations} placeholder="关系" aria-label="关系" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item
                name={[index, 'idNumber']}
                rules={[idNumberRule(editing?.householdMembers[index]?.idNumberMasked)]}
              >
                <Input placeholder="身份证号码（可不填）" aria-label="家庭成员身份证号码" maxLength={20} />
              </Form.Item>
            </Col>
          </>
        )}
      </RemovableRows>
    </>
  );
}
