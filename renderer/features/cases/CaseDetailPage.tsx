import { ArrowLeftOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Card, Col, Result, Row, Space, Spin } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { CaseStatus } from '../../../main/contract';
import { useAccess } from '../../app/access';
import { asApiError } from '../../components/forms';
import { useGetCatalogQuery } from '../catalog/catalogApi';
import { AgreementPrintAction } from '../documents/AgreementPrintAction';
import { DocumentsPanel } from '../documents/DocumentsPanel';
import { DossierPanel } from '../dossiers/DossierPanel';
import { WorkflowPanel } from '../workflow/WorkflowPanel';
import { CaseEditForm } from './CaseEditForm';
import { CaseFacts } from './CaseFacts';
import { CaseHeader } from './CaseHeader';
import { CaseHistory } from './CaseHistory';
import { useGetCaseQuery } from './casesApi';
import { PartyDetailCard } from './PartyDetailCard';
import { RelatedCases } from './RelatedCases';
import { VoidCaseModal } from './VoidCaseModal';

// The service's own rules, mirrored only to decide which buttons to show.
const editable: CaseStatus[] = ['accepted', 'dispatched', 'mediating'];
const voidable: CaseStatus[] = ['accepted', 'dispatched'];

/**
 * Route /cases/:id: the whole registration, its related cases and its history; 修改 and 作废 for
 * 受理员 of a case they may change (a case sent on to another committee is read-only).
 */
export function CaseDetailPage() {
  const { id = '' } = useParams();
  const { data: detail, error, isLoading } = useGetCaseQuery(id);
  const { data: catalog } = useGetCatalogQuery();
  const { can } = useAccess();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [voiding, setVoiding] = useState(false);

  if (isLoading) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  if (!detail) {
    return (
      <Result
        status="warning"
        title={error ? asApiError(error).message : '未找到该案件'}
        extra={<Button onClick={() => navigate('/cases')}>返回案件查询</Button>}
      />
    );
  }
  if (editing && catalog)
    return <CaseEditForm detail={detail} catalog={catalog} onDone={() => setEditing(false)} />;

  const actions = (
    <Space>
      <AgreementPrintAction caseId={detail.id} />
      <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
        返回
      </Button>
      {can('cases:edit') && detail.writable && editable.includes(detail.status) && (
        <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
          修改
        </Button>
      )}
      {can('cases:void') && detail.writable && voidable.includes(detail.status) && (
        <Button danger icon={<DeleteOutlined />} onClick={() => setVoiding(true)}>
          作废
        </Button>
      )}
    </Space>
  );

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <CaseHeader detail={detail} actions={actions} />
      </Card>
      <WorkflowPanel caseId={detail.id} />
      <DocumentsPanel caseId={detail.id} voided={detail.status === 'voided'} />
      {(detail.status === 'closed' || detail.status === 'archived') && <DossierPanel caseId={detail.id} />}
      <Card title={`当事人（${detail.parties.length}）`}>
        <Row gutter={[16, 16]}>
          {detail.parties.map((p) => (
            <Col key={p.casePartyId} xs={24} xl={12}>
              <PartyDetailCard caseId={detail.id} party={p} />
            </Col>
          ))}
        </Row>
      </Card>
      <Card title="纠纷情况">
        <CaseFacts detail={detail} />
      </Card>
      <Row gutter={16}>
        <Col span={10}>
          <Card title="关联案件" style={{ height: '100%' }}>
            <RelatedCases related={detail.related} repeatReason={detail.repeatReason} />
          </Card>
        </Col>
        <Col span={14}>
          <Card title="变更记录" style={{ height: '100%' }}>
            <CaseHistory history={detail.history} />
          </Card>
        </Col>
      </Row>
      {voiding && <VoidCaseModal detail={detail} onClose={() => setVoiding(false)} />}
    </Space>
  );
}
