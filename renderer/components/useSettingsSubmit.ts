import { App, type FormInstance } from 'antd';
import { useState } from 'react';
import type { ApiError } from '../../main/contract';
import { applyServerErrors, asApiError } from './forms';

/**
 * The submit of a settings card (系统设置): saves, puts the server's field errors on their fields
 * (anything else in the card's alert), or says it was saved.
 */
export function useSettingsSubmit<V>(
  form: FormInstance<V>,
  save: (values: V) => Promise<{ error?: unknown }>,
  savedText: string,
): { error: ApiError | null; submit: (values: V) => Promise<void> } {
  const [error, setError] = useState<ApiError | null>(null);
  const { message } = App.useApp();
  const submit = async (values: V) => {
    setError(null);
    const result = await save(values);
    if ('error' in result && result.error !== undefined) {
      const e = asApiError(result.error);
      if (!applyServerErrors(form as FormInstance, e)) setError(e);
    } else void message.success(savedText);
  };
  return { error, submit };
}
