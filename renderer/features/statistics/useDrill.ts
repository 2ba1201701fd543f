import { useNavigate } from 'react-router';
import type { StatisticFilter } from '../../../main/contract';
import { useAccess } from '../../app/access';
import { useAppDispatch } from '../../app/hooks';
import { caseListChanged } from '../cases/caseListSlice';
import { noFilters } from '../cases/useCaseListParams';

/** Opens the case list on exactly the cases one figure counted (null: this user reads no case list). */
export function useDrill(): ((filter: StatisticFilter, label: string) => void) | null {
  const dispatch = useAppDispatch();
  const navigate = useNavigate();
  const { can } = useAccess();
  if (!can('cases:read')) return null;
  return (filter, label) => {
    dispatch(caseListChanged({ ...noFilters, statistic: { filter, label } }));
    void navigate('/cases');
  };
}
