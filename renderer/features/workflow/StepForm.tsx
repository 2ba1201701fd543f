import { App, Button, Drawer, Form, Modal, Space, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import type { z } from 'zod';
import type { ApiError } from '../../../main/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { asApiError, placeServerErrors, zodErrorAsApiError } from '../../components/forms';
import { useHotkeys } from '../../components/useHotkeys';

type IssuePath = (string | number)[];

/** A mutation's settled result, as RTK Query resolves it. */
export type Outcome = { data: unknown } | { error: unknown };

/** The service's error, or null when the step went through. */
export function errorOf(result: Outcome): ApiError | null {
  return 'error' in result ? asApiError(result.error) : null;
}

/** Runs the whole contract schema (cross-field rules included) before anything is sent. */
export function precheck(schema: z.ZodType, input: unknown): ApiError | null {
  const parsed = schema.safeParse(input);
  return parsed.success ? null : zodErrorAsApiError(parsed.error);
}

/**
 * Checks the input with the channel's schema, then sends it as typed (the service parses it
 * again: amounts like "1.5万" must reach it raw). Resolves with the error to show, or null.
 */
export async function send<S extends z.ZodType>(
  schema: S,
  input: unknown,
  trigger: (input: z.input<S>) => PromiseLike<Outcome>,
): Promise<ApiError | null> {
  return precheck(schema, input) ?? errorOf(await trigger(input as z.input<S>));
}

interface Props<V> {
  title: ReactNode;
  form: FormInstance<V>;
  /** Sends the step; resolves with the error to show, or null when done. */
  submit: (values: V) => Promise<ApiError | null>;
  onClose: () => void;
  success: string;
  okText?: string;
  danger?: boolean;
  /** A drawer for long forms (records, agreements), a modal for short ones. */
  drawer?: boolean;
  width?: number;
  initialValues?: Partial<V>;
  /** Renames contract paths whose form field is named differently. */
  mapPath?: (path: IssuePath) => IssuePath | null;
  intro?: ReactNode;
  children: ReactNode;
}

/**
 * One workflow step's form: checks each field with the contract schema as it is typed, sends
 * the step, and puts the service's Chinese messages next to the fields they concern (or on top).
 * Mounted only while open, so each use starts fresh.
 */
export function StepForm<V extends object>(props: Props<V>) {
  const { form, onClose } = props;
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setError(null);
    setBusy(true);
    const failed = await props
      .submit({ ...(form.getFieldsValue(true) as V), ...values })
      .finally(() => setBusy(false));
    if (failed) {
      const placed = placeServerErrors(form, failed, props.mapPath);
      if (placed.length === 0) setError(failed);
      return;
    }
    void message.success(props.success);
    onClose();
  };
  useHotkeys({ 'Ctrl+S': () => void submit() }, Boolean(props.drawer));

  const body = (
    <>
      {props.intro}
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" initialValues={props.initialValues}>
        {props.children}
      </Form>
    </>
  );

  if (props.drawer) {
    return (
      <Drawer
        open
        title={props.title}
        size={props.width ?? 720}
        onClose={onClose}
        destroyOnHidden
        mask={{ closable: false }}
        extra={
          <Space>
            <Button onClick={onClose}>取消</Button>
            <Button type="primary" danger={props.danger} loading={busy} onClick={() => void submit()}>
              {props.okText ?? '保存'}
            </Button>
          </Space>
        }
      >
        {body}
      </Drawer>
    );
  }
  return (
    <Modal
      open
      title={props.title}
      okText={props.okText ?? '保存'}
      cancelText="取消"
      okButtonProps={{ danger: props.danger }}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      width={props.width ?? 560}
    >
      {body}
    </Modal>
  );
}
