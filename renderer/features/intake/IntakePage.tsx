import { Card, Spin } from 'antd';
import { useState } from 'react';
import type { CaseDetail } from '../../../main/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { asApiError } from '../../components/forms';
import { useGetCatalogQuery } from '../catalog/catalogApi';
import { IntakeForm } from './IntakeForm';
import { IntakeSuccess } from './IntakeSuccess';

/** Route /intake: the form, then the new case number; 继续登记 starts a fresh form. */
export function IntakePage() {
  const { data: catalog, error, isLoading } = useGetCatalogQuery();
  const [created, setCreated] = useState<CaseDetail | null>(null);
  const [round, setRound] = useState(0);

  if (isLoading) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  if (!catalog)
    return (
      <ErrorAlert error={error ? asApiError(error) : { code: 'INTERNAL', message: '基础目录未能读取' }} />
    );
  if (created) {
    return (
      <Card>
        <IntakeSuccess
          created={created}
          onNext={() => {
            setCreated(null);
            setRound((r) => r + 1);
          }}
        />
      </Card>
    );
  }
  return <IntakeForm key={round} catalog={catalog} onSaved={setCreated} />;
}
