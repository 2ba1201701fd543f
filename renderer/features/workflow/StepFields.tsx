import { DatePicker, Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { z } from 'zod';
import { referralRouteLabels, referralRoutes } from '../../../main/contract';
import { isoDateItemProps, zodRule } from '../../components/forms';

// Fields that several workflow steps (and 转出 on the dispatch screen) ask for the same way.

/** The routes the parties may be told of (Law Art. 26), as select, radio or checkbox options. */
export const referralRouteOptions = referralRoutes.map((r) => ({ value: r, label: referralRouteLabels[r] }));

/** Days a step cannot have happened on: after the office's today, or before `from` (when given). */
export function outsideStepRange(d: Dayjs, today: string, from?: string): boolean {
  return d.isAfter(dayjs(today), 'day') || (from ? d.isBefore(dayjs(from), 'day') : false);
}

interface StepDateProps {
  name: string;
  label: string;
  /** The contract's schema for the date, checked as it is picked. */
  schema: z.ZodType;
  /** The office's today ('YYYY-MM-DD'): nothing later can be picked. */
  today: string;
  /** The date the step follows (received, terminated, reached): nothing earlier can be picked. */
  notBefore?: string;
  /** 200 px in a short modal; '100%' in a grid column. */
  width?: number | string;
}

/** A required 'YYYY-MM-DD' date of a step, picked between the date it follows and the office's today. */
export function StepDateItem({ name, label, schema, today, notBefore, width = 200 }: StepDateProps) {
  return (
    <Form.Item name={name} label={label} required rules={[zodRule(schema)]} {...isoDateItemProps}>
      <DatePicker style={{ width }} disabledDate={(d) => outsideStepRange(d, today, notBefore)} />
    </Form.Item>
  );
}
