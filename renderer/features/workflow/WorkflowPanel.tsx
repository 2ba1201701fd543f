import { Alert, App, Card, Col, Divider, Row, Space, Spin, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { referralRouteLabels, type ApiError, type WorkflowDto } from '../../../main/contract';
import { useAccess } from '../../app/access';
import { ErrorAlert } from '../../components/ErrorAlert';
import { asApiError } from '../../components/forms';
import { useGetCaseQuery } from '../cases/casesApi';
import { ReferOutForm } from '../dispatch/ReferOutForm';
import { TransferForm } from '../dispatch/TransferForm';
import { AgreementForm, SetEffectiveForm } from './AgreementForm';
import { AgreementView } from './AgreementView';
import { ConfirmationRulingForm } from './ConfirmationRulingForm';
import { AssignmentView } from './AssignmentView';
import { AttachmentList } from './AttachmentList';
import { DeadlineList } from './DeadlineList';
import { CloseForm, InformRoutesForm, TerminateForm } from './EndingForms';
import { EscalateForm, ExtendDeadlineForm, ReturnForm, RiskReportForm } from './OtherForms';
import { RecordForm } from './RecordForm';
import { StatusSteps } from './StatusSteps';
import { VisitForm } from './VisitForm';
import { WorkflowActions, type StepKey } from './WorkflowActions';
import { WorkflowTimeline } from './WorkflowTimeline';
import { useBeginPerformanceMutation, useGetWorkflowQuery, useRespondMutation } from './workflowApi';

function SectionHeading({ children }: { children: string }) {
  return (
    <Typography.Text strong style={{ display: 'block', fontSize: 15, marginBottom: 12 }}>
      {children}
    </Typography.Text>
  );
}

const hasRiskNote = (risk: WorkflowDto['riskReport']) => risk.required || risk.reported !== null;

function RiskReportNote({ risk }: { risk: WorkflowDto['riskReport'] }) {
  if (!hasRiskNote(risk)) return null;
  if (risk.reported === null) {
    return (
      <Alert
        type="error"
        showIcon
        title="本案标记为“可能民转刑”，尚未登记向公安机关报告的情况"
        description="接收调解和结案前，须登记报告对象、报告人和报告时间，或写明未报告的理由（人民调解法第二十五条）。"
      />
    );
  }
  return (
    <Alert
      type={risk.reported ? 'info' : 'warning'}
      showIcon
      title={
        risk.reported
          ? `已报告公安机关：${risk.reportedBy ?? ''}于${risk.reportedAt ? dayjs(risk.reportedAt).format('YYYY-MM-DD HH:mm') : ''}报告${risk.reportedTo ?? ''}`
          : `未报告公安机关，理由：${risk.reasonNotReported ?? ''}`
      }
    />
  );
}

/**
 * 办理进程 for the case page: where the case is, who handles it, what is due, what may be done
 * next (only the legal steps this user may take), and everything done so far.
 */
export function WorkflowPanel({ caseId }: { caseId: string }) {
  const { data: wf, error, isLoading } = useGetWorkflowQuery(caseId);
  const { data: detail } = useGetCaseQuery(caseId);
  const { can, user } = useAccess();
  const [open, setOpen] = useState<StepKey | null>(null);
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const [respond, respondState] = useRespondMutation();
  const [beginPerformance, performState] = useBeginPerformanceMutation();
  const { message } = App.useApp();

  if (isLoading) return <Spin style={{ display: 'block', margin: '24px auto' }} />;
  if (!wf)
    return <ErrorAlert error={error ? asApiError(error) : { code: 'NOT_FOUND', message: '未找到该案件' }} />;

  const quick = async (run: () => PromiseLike<{ error?: unknown }>, done: string) => {
    setActionError(null);
    const result = await run();
    if (result.error) setActionError(asApiError(result.error));
    else void message.success(done);
  };
  const close = () => setOpen(null);
  const me = user?.displayName ?? '';
  // 记录人 is whoever writes the record: the signed-in user, unless they mediate this case — the
  // agreement would then name one person twice (as mediator and recorder); then it is left to fill.
  const mediatesHere = wf.assignment?.mediators.some((m) => m.name === me) ?? false;
  const recorder = mediatesHere ? '' : me;
  const partyNames = detail?.parties.map((p) => p.name).join('、') ?? '';
  const mediationDue = wf.deadlines.find((d) => d.kind === 'mediation')?.dueOn;
  const visitDue = wf.deadlines.find((d) => d.kind === 'visit')?.dueOn ?? null;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="workflow-panel">
      <Card title="办理进程">
        <StatusSteps wf={wf} receivedOn={detail?.receivedOn} />
        <div style={{ marginTop: 20 }}>
          <ErrorAlert error={actionError} />
          {wf.exchangeNotice && (
            <Alert
              type="warning"
              showIcon
              data-testid="exchange-notice"
              style={{ marginBottom: 12 }}
              title={wf.exchangeNotice}
            />
          )}
          {!wf.writable &&
            wf.actions.length === 0 &&
            can(['cases:mediate', 'cases:dispatch', 'cases:edit']) && (
              <Alert
                type="info"
                showIcon
                data-testid="read-only"
                title={`该案件${wf.assignment ? `现由${wf.assignment.committeeName}承办` : '不由您所在的组织承办'}，您只能查看，不能办理或修改。`}
              />
            )}
          <WorkflowActions
            wf={wf}
            can={can}
            onOpen={(step) => {
              setActionError(null);
              setOpen(step);
            }}
            busy={respondState.isLoading || performState.isLoading}
            onAccept={() => quick(() => respond({ caseId, accept: true }), '已接收，开始调解')}
            onBeginPerformance={() => quick(() => beginPerformance({ caseId }), '已进入履行期')}
          />
        </div>
        {(hasRiskNote(wf.riskReport) || wf.referral) && (
          <Space orientation="vertical" size={8} style={{ width: '100%', marginTop: 16 }}>
            <RiskReportNote risk={wf.riskReport} />
            {wf.referral && (
              <Alert
                type="info"
                showIcon
                title={`已转出：${referralRouteLabels[wf.referral.route]}${wf.referral.receivingBody ? `（${wf.referral.receivingBody}）` : ''}，${wf.referral.referredOn}`}
                description={`已告知当事人：${wf.referral.told}`}
              />
            )}
          </Space>
        )}
        <Divider style={{ margin: '20px 0 16px' }} />
        {wf.status === 'voided' ? (
          <Typography.Text type="secondary" data-testid="voided-note">
            本案已作废：不再分流、调解，没有进行中的期限；案号作废留档，不再使用。
          </Typography.Text>
        ) : (
          <Row gutter={24}>
            <Col xs={24} xl={13}>
              <SectionHeading>当前承办</SectionHeading>
              <AssignmentView assignment={wf.assignment} />
            </Col>
            <Col xs={24} xl={11}>
              <SectionHeading>期限</SectionHeading>
              <DeadlineList deadlines={wf.deadlines} />
            </Col>
          </Row>
        )}
      </Card>
      {wf.agreement && (
        <Card title="调解协议">
          <AgreementView agreement={wf.agreement} />
        </Card>
      )}
      <Card>
        <Tabs
          items={[
            { key: 'timeline', label: '办理记录', children: <WorkflowTimeline wf={wf} /> },
            {
              key: 'attachments',
              label: `证据材料（${wf.attachments.length}）`,
              children: (
                <AttachmentList
                  wf={wf}
                  canUpload={wf.writable && can('cases:mediate') && wf.status !== 'voided'}
                />
              ),
            },
          ]}
        />
      </Card>

      {open === 'return' && <ReturnForm caseId={caseId} onClose={close} />}
      {open === 'escalate' && <EscalateForm caseId={caseId} onClose={close} />}
      {open === 'transfer' && <TransferForm caseId={caseId} onClose={close} />}
      {open === 'referOut' && (
        <ReferOutForm caseId={caseId} receivedOn={detail?.receivedOn} onClose={close} />
      )}
      {(open === 'investigation' || open === 'mediation') && (
        <RecordForm
          caseId={caseId}
          kind={open}
          partyNames={partyNames}
          recorder={recorder}
          existingIds={wf.records.map((r) => r.id)}
          onClose={close}
        />
      )}
      {open === 'agreement' && (
        <AgreementForm
          caseId={caseId}
          facts={detail?.summary ?? ''}
          receivedOn={detail?.receivedOn}
          onClose={close}
        />
      )}
      {open === 'effective' && wf.agreement && (
        <SetEffectiveForm caseId={caseId} agreement={wf.agreement} onClose={close} />
      )}
      {open === 'confirmation' && wf.agreement && (
        <ConfirmationRulingForm caseId={caseId} agreement={wf.agreement} onClose={close} />
      )}
      {open === 'visit' && wf.agreement && (
        <VisitForm caseId={caseId} agreement={wf.agreement} dueOn={visitDue} visitor={me} onClose={close} />
      )}
      {open === 'terminate' && (
        <TerminateForm caseId={caseId} receivedOn={detail?.receivedOn} onClose={close} />
      )}
      {open === 'inform' && (
        <InformRoutesForm caseId={caseId} terminatedOn={wf.termination?.terminatedOn} onClose={close} />
      )}
      {open === 'close' && <CloseForm caseId={caseId} wf={wf} onClose={close} />}
      {open === 'risk' && <RiskReportForm caseId={caseId} reporter={me} onClose={close} />}
      {open === 'extend' && <ExtendDeadlineForm caseId={caseId} currentDue={mediationDue} onClose={close} />}
    </Space>
  );
}
