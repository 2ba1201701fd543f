import { useEffect, useRef, useState } from 'react';
import type { EventPayload } from '../../../main/contract';
import { baseApi } from '../../api/baseApi';
import { useAppDispatch } from '../../app/hooks';

export type BackupProgress = EventPayload<'backup:progress'>;
export type BackupFinished = EventPayload<'backup:finished'>;
type Kind = BackupProgress['kind'];

/**
 * The one progress bar of backing up, checking a backup and restoring (backup:progress events),
 * until backup:finished; then the backup state is read again and `onFinished` hears how it went.
 */
export function useBackupProgress(kinds: Kind[], onFinished?: (finished: BackupFinished) => void) {
  const [progress, setProgress] = useState<BackupProgress | null>(null);
  const dispatch = useAppDispatch();
  const wanted = kinds.join(',');
  const finishedRef = useRef(onFinished);
  useEffect(() => {
    finishedRef.current = onFinished;
  });
  useEffect(() => {
    const mine = (kind: Kind) => wanted.split(',').includes(kind);
    const offProgress = window.api.on('backup:progress', (p) => {
      if (mine(p.kind)) setProgress(p);
    });
    const offFinished = window.api.on('backup:finished', (f) => {
      if (!mine(f.kind)) return;
      setProgress(null);
      dispatch(baseApi.util.invalidateTags(['Backup', 'Todo']));
      finishedRef.current?.(f);
    });
    return () => {
      offProgress();
      offFinished();
    };
  }, [wanted, dispatch]);
  return { progress, clear: () => setProgress(null) };
}
