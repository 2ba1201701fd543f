import { AutoComplete, Col, DatePicker, Form, Select } from 'antd';
import { membershipInput, type OrganisationDto } from '../../../main/contract';
import { isoDateItemProps, todayIso, zodRule } from '../../components/forms';
import { labelContains } from '../catalog/catalogOptions';
import { RemovableRows } from './RemovableRows';
import { SectionTitle } from './SectionTitle';

// 所属调委会: the committees the mediator serves on, with position and term. Only organisations
// still active today are offered; the service refuses overlapping terms in one committee.

const positions = ['主任', '副主任', '委员', '调解员'].map((value) => ({ value }));

export function MembershipsSection({ organisations }: { organisations: OrganisationDto[] }) {
  const orgOptions = organisations
    .filter((o) => o.activeTo === null || o.activeTo >= todayIso())
    .map((o) => ({ value: o.id, label: o.name }));

  return (
    <>
      <SectionTitle>所属调委会</SectionTitle>
      <RemovableRows
        name="memberships"
        rowTestId="membership-row"
        removeLabel="删除任职"
        addLabel="添加任职"
        newEntry={() => ({ position: '委员', from: todayIso() })}
      >
        {(index) => (
          <>
            <Col span={9}>
              <Form.Item
                name={[index, 'organisationId']}
                rules={[{ required: true, message: '请选择所属组织' }]}
              >
                <Select
                  showSearch={{ filterOption: labelContains }}
                  placeholder="所属组织"
                  options={orgOptions}
                  aria-label="所属组织"
                />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item name={[index, 'position']} rules={[zodRule(membershipInput.shape.position)]}>
                <AutoComplete options={positions} placeholder="职务" aria-label="职务" />
              </Form.Item>
            </Col>
            <Col span={5}>
              <Form.Item name={[index, 'from']} {...isoDateItemProps}>
                <DatePicker placeholder="任职起" style={{ width: '100%' }} aria-label="任职起" />
              </Form.Item>
            </Col>
            <Col span={5}>
              <Form.Item name={[index, 'to']} {...isoDateItemProps}>
                <DatePicker placeholder="任职止" style={{ width: '100%' }} aria-label="任职止" />
              </Form.Item>
            </Col>
          </>
        )}
      </RemovableRows>
    </>
  );
}
