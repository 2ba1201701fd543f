import { Form, Input, Radio, Select, Space } from 'antd';
import { text } from '../../../main/contract';
import { zodRule } from '../../components/forms';
import { useSetupOfficesQuery } from './setupApi';

export interface OfficeValues {
  officeKind: 'listed' | 'other';
  officeId?: string;
  otherName?: string;
}

/** Step 1: which office this installation is — the county center, a township, or another committee. */
export function OfficeStep() {
  const { data: offices = [], isLoading } = useSetupOfficesQuery();
  const kind = Form.useWatch<OfficeValues['officeKind']>('officeKind');
  return (
    <>
      <Form.Item name="officeKind" label="本机所属单位类型" initialValue="listed">
        <Radio.Group>
          <Space direction="vertical">
            <Radio value="listed">平罗县人民调解中心或乡镇人民调解委员会</Radio>
            <Radio value="other">其他人民调解委员会（行业性专业性、村居、企事业单位等）</Radio>
          </Space>
        </Radio.Group>
      </Form.Item>
      {kind !== 'other' ? (
        <Form.Item
          name="officeId"
          label="本机单位"
          rules={[{ required: true, message: '请选择本机所属单位' }]}
        >
          <Select
            loading={isLoading}
            placeholder="请选择"
            showSearch={{ optionFilterProp: 'label' }}
            options={offices.map((o) => ({ value: o.id, label: o.name }))}
          />
        </Form.Item>
      ) : (
        <Form.Item name="otherName" label="调委会全称" rules={[zodRule(text('调委会名称', 60, 4))]}>
          <Input placeholder="如：平罗县医疗纠纷人民调解委员会" maxLength={60} />
        </Form.Item>
      )}
    </>
  );
}
