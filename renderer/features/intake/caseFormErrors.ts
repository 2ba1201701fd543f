import type { FormInstance } from 'antd';
import type { ApiError } from '../../../main/contract';
import { placeServerErrors } from '../../components/forms';
import { formPath, type CaseFormValues } from './intakeValues';

type Name = (string | number)[];

/** Brings a field into view and puts the cursor in it. */
export function focusField(form: FormInstance, name: Name): void {
  form.scrollToField(name, { block: 'center' });
  window.setTimeout(() => form.focusField(name), 0);
}

/** Runs every field rule; on failure jumps to the first bad field and answers null. */
export async function validatedValues(form: FormInstance<CaseFormValues>): Promise<CaseFormValues | null> {
  try {
    await form.validateFields();
  } catch (e) {
    const first = (e as { errorFields?: { name: Name }[] }).errorFields?.[0];
    if (first) focusField(form, first.name);
    return null;
  }
  return form.getFieldsValue(true) as CaseFormValues;
}

/**
 * A rejected input — the contract's own parse on this side or the service's answer — shown
 * next to the fields it names. Returns true when at least one field shows it.
 */
export function showCaseErrors(form: FormInstance, error: ApiError): boolean {
  const placed = placeServerErrors(form, error, formPath);
  const first = placed.find((n) => n.length > 1 || n[0] !== 'parties');
  if (first) focusField(form, first);
  return placed.length > 0;
}
