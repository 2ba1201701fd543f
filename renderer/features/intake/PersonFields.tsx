import { Col, DatePicker, Form, Input, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { checkIdNumber, ethnicities, idTypeLabels, idTypes, sexLabels, sexes } from '../../../main/contract';
import { isoDateItemProps } from '../../components/forms';
import { labelContains } from '../catalog/catalogOptions';
import { useIdNumberExtra } from './useIdNumberExtra';
import { idNumberRules, personRules } from './intakeRules';
import type { PartyValues } from './intakeValues';
import { PartyNameItem } from './PartyNameItem';
import type { PartyFieldProps } from './partyFieldProps';
import { PartyPhoneItem } from './PartyPhoneItem';

const ethnicityOptions = ethnicities.map((e) => ({ value: e, label: e }));

/** 姓名 … 住址 of a natural person. Sex and birth date come from a valid resident ID and lock. */
export function PersonFields({ name, onPick, onLastEnter }: PartyFieldProps) {
  const form = Form.useFormInstance();
  const party = (Form.useWatch(['parties', name], { form, preserve: true }) ?? {}) as PartyValues;
  const residentId = (party.idType ?? 'resident_id') === 'resident_id';
  const derived = residentId && party.idNumber ? checkIdNumber(party.idNumber, new Date()) : null;
  // On edit the number on record (masked here) still decides sex and birth date.
  const locked = Boolean(derived?.ok) || (residentId && !party.idNumber && Boolean(party.idNumberMasked));
  const idExtra = useIdNumberExtra({
    raw: party.idNumber,
    residentId,
    masked: party.idNumberMasked,
    partyId: party.partyId,
    onPick,
  });
  const sexFromId = derived?.ok ? derived.value.sex : undefined;
  const birthFromId = derived?.ok ? derived.value.birthDate : undefined;

  // A valid resident ID says the sex and birth date; fill them so nobody types them twice.
  useEffect(() => {
    if (!sexFromId || !birthFromId) return;
    form.setFieldValue(['parties', name, 'sex'], sexFromId);
    form.setFieldValue(['parties', name, 'birthDate'], birthFromId);
  }, [form, name, sexFromId, birthFromId]);

  return (
    <>
      <Row gutter={12}>
        <Col span={6}>
          <PartyNameItem
            name={name}
            kind="person"
            label="姓名"
            rules={personRules.name}
            onPick={onPick}
            placeholder="可查找已登记当事人"
          />
        </Col>
        <Col span={5}>
          <Form.Item name={[name, 'idType']} label="证件类型">
            <Select
              showSearch={{ filterOption: labelContains }}
              options={idTypes.map((t) => ({ value: t, label: idTypeLabels[t] }))}
              popupMatchSelectWidth={false}
              onChange={() =>
                void form.validateFields([['parties', name, 'idNumber']]).catch(() => undefined)
              }
            />
          </Form.Item>
        </Col>
        <Col span={7}>
          <Form.Item
            name={[name, 'idNumber']}
            label="证件号码"
            rules={idNumberRules(() => residentId)}
            validateDebounce={400}
            extra={idExtra}
          >
            <Input maxLength={40} placeholder={residentId ? '18位身份证号码' : undefined} />
          </Form.Item>
        </Col>
        <PartyPhoneItem name={name} />
      </Row>
      <Row gutter={12}>
        <Col span={3}>
          <Form.Item name={[name, 'sex']} label="性别">
            <Select
              disabled={locked}
              showSearch={{ filterOption: labelContains }}
              options={sexes.map((s) => ({ value: s, label: sexLabels[s] }))}
            />
          </Form.Item>
        </Col>
        <Col span={5}>
          <Form.Item name={[name, 'birthDate']} label="出生日期" {...isoDateItemProps}>
            <DatePicker
              disabled={locked}
              style={{ width: '100%' }}
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item name={[name, 'ethnicity']} label="民族">
            <Select showSearch={{ filterOption: labelContains }} options={ethnicityOptions} />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item name={[name, 'occupation']} label="职业" rules={personRules.occupation}>
            <Input maxLength={40} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name={[name, 'address']} label="住址" rules={personRules.address}>
            <Input maxLength={120} onPressEnter={onLastEnter} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
