import { ClearOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Popconfirm, Space } from 'antd';
import dayjs from 'dayjs';
import { useRef, useState } from 'react';
import { createCaseInput, type ApiError, type CaseDetail, type CatalogDto } from '../../../main/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { asApiError, zodErrorAsApiError } from '../../components/forms';
import { useHotkeys } from '../../components/useHotkeys';
import { useCreateCaseMutation } from '../cases/casesApi';
import { defaultIntakeCommittee } from '../catalog/catalogOptions';
import { CaseFieldsSection } from './CaseFieldsSection';
import { showCaseErrors, validatedValues } from './caseFormErrors';
import { IntakeActionBar } from './IntakeActionBar';
import { emptyCase, toCreateInput, type CaseFormValues, type PartyValues } from './intakeValues';
import { PartiesSection } from './PartiesSection';
import { RefusalDrawer } from './RefusalDrawer';
import { useRefusalNotice } from './useRefusalNotice';
import { refusalPrefill } from './refusalPrefill';
import { RepeatPanel } from './RepeatPanel';
import { useIntakeDraft } from './useIntakeDraft';
import { useRepeatCheck } from './useRepeatCheck';

const hints: [string, string][] = [
  ['Enter', '选定；末栏新增当事人'],
  ['Alt+N', '新增当事人'],
  ['Alt+B', '不予受理'],
  ['Ctrl+S', '保存'],
];

/** A reused party record stays linked only while its name is left as it was picked. */
function unlinkRenamedParty(
  form: ReturnType<typeof Form.useForm<CaseFormValues>>[0],
  changed: Partial<CaseFormValues>,
) {
  const touched = (changed.parties ?? []).map((p, i) => [p, i] as const).filter(([p]) => p !== undefined);
  if (touched.length !== 1) return;
  const [p, i] = touched[0]!;
  if (!p || Object.keys(p).join() !== 'name') return;
  const current = form.getFieldValue(['parties', i]) as PartyValues | undefined;
  if (current?.partyId && !current.casePartyId) {
    form.setFieldValue(['parties', i], { ...current, partyId: undefined, reusedCaseCount: undefined });
  }
}

/** 受理登记: everything a new case needs, typed without leaving the keyboard. */
export function IntakeForm({
  catalog,
  onSaved,
}: {
  catalog: CatalogDto;
  onSaved: (created: CaseDetail) => void;
}) {
  const [form] = Form.useForm<CaseFormValues>();
  const draft = useIntakeDraft(form);
  const { matches, checking } = useRepeatCheck(form);
  const [createCase, { isLoading }] = useCreateCaseMutation();
  const [error, setError] = useState<ApiError | null>(null);
  const [refusing, setRefusing] = useState(false);
  const notice = useRefusalNotice();
  const addParty = useRef<(() => void) | null>(null);
  const { message } = App.useApp();

  // A second Ctrl+S while the first is on its way must not register the case twice.
  const busy = useRef(false);
  const save = async () => {
    if (busy.current) return;
    busy.current = true;
    try {
      await register();
    } finally {
      busy.current = false;
    }
  };

  const register = async () => {
    setError(null);
    const values = await validatedValues(form);
    if (!values) return void message.warning('请先改正标红的栏目');
    const related = checking
      ? values.relatedCaseIds
      : values.relatedCaseIds.filter((id) => matches.some((m) => m.caseId === id));
    const input = toCreateInput({ ...values, relatedCaseIds: related });
    const parsed = createCaseInput.safeParse(input);
    if (!parsed.success) {
      const problem = zodErrorAsApiError(parsed.error);
      if (!showCaseErrors(form, problem)) setError(problem);
      return;
    }
    draft.pause();
    const result = await createCase(input);
    if ('error' in result) {
      draft.resume();
      const problem = asApiError(result.error);
      showCaseErrors(form, problem);
      setError(problem);
      return;
    }
    onSaved(result.data);
  };

  const clear = () => {
    form.resetFields();
    setError(null);
    void draft.discard();
  };

  const [prefill, setPrefill] = useState<ReturnType<typeof refusalPrefill>>({});
  const refuse = () => {
    setPrefill(refusalPrefill(form.getFieldsValue(true) as CaseFormValues));
    setRefusing(true);
  };

  useHotkeys(
    { 'Ctrl+S': () => void save(), 'Alt+N': () => addParty.current?.(), 'Alt+B': refuse },
    !refusing,
  );

  return (
    <>
      {draft.restoredAt && (
        <Alert
          type="info"
          showIcon
          closable
          style={{ marginBottom: 16 }}
          data-testid="draft-restored"
          title={`已恢复上次未保存的草稿（保存于 ${dayjs(draft.restoredAt).format('YYYY-MM-DD HH:mm:ss')}）`}
          action={
            <Button size="small" onClick={clear}>
              放弃草稿
            </Button>
          }
        />
      )}
      <Form
        form={form}
        layout="vertical"
        name="intake"
        initialValues={emptyCase(defaultIntakeCommittee(catalog))}
        onValuesChange={(changed: Partial<CaseFormValues>) => {
          unlinkRenamedParty(form, changed);
          draft.schedule();
        }}
      >
        <Card
          title="受理登记"
          style={{ marginBottom: 16 }}
          extra={
            <Space>
              <Button icon={<StopOutlined />} onClick={refuse} tabIndex={-1}>
                不予受理
              </Button>
              <Popconfirm
                title="清空已填写的内容？"
                description="草稿也将一并删除。"
                okText="清空"
                cancelText="取消"
                onConfirm={clear}
              >
                <Button icon={<ClearOutlined />} tabIndex={-1}>
                  清空
                </Button>
              </Popconfirm>
            </Space>
          }
        >
          <CaseFieldsSection catalog={catalog} />
        </Card>
        <Card title="当事人" style={{ marginBottom: 16 }}>
          <PartiesSection addRef={addParty} />
        </Card>
        <RepeatPanel matches={matches} />
        <ErrorAlert error={error} />
      </Form>
      <IntakeActionBar
        saving={isLoading}
        onSave={() => void save()}
        draftSavedAt={draft.savedAt}
        draftFailed={draft.failed}
        repeatCount={matches.length}
        hints={hints}
      />
      {refusing && (
        <RefusalDrawer
          catalog={catalog}
          prefill={prefill}
          onClose={() => setRefusing(false)}
          onRecorded={(refusal) => {
            // The same visitor: the intake they started is finished by the refusal.
            if (prefill.applicantName && refusal.applicantName === prefill.applicantName) clear();
            // They leave with the 不予受理告知书 in hand.
            void notice.open(refusal.id);
          }}
        />
      )}
      {notice.modal}
    </>
  );
}
