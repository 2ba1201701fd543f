import type { FormInstance } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useClearDraftMutation, useLazyGetDraftQuery, useSaveDraftMutation } from './intakeApi';
import type { CaseFormValues } from './intakeValues';

const SAVE_AFTER_MS = 1000;

/**
 * The intake form's safety net. Typing schedules a save one second after the last change
 * (drafts:save, per user, in the encrypted store); leaving the page or clicking elsewhere saves at
 * once; opening the page brings back what was there. A successful registration clears it (the
 * service does, in the same transaction), so autosave is paused while a registration is in flight:
 * a late autosave would otherwise bring the registered case back as a draft.
 */
export function useIntakeDraft(form: FormInstance<CaseFormValues>) {
  const [fetchDraft] = useLazyGetDraftQuery();
  const [saveDraft] = useSaveDraftMutation();
  const [clearDraft] = useClearDraftMutation();
  const timer = useRef<number | null>(null);
  const paused = useRef(false);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  const stopTimer = () => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
  };

  const saveNow = useCallback(() => {
    stopTimer();
    if (paused.current) return;
    const data = JSON.stringify(form.getFieldsValue(true));
    void saveDraft(data)
      .unwrap()
      .then((r) => {
        setSavedAt(r.savedAt);
        setFailed(false);
      })
      .catch(() => setFailed(true));
  }, [form, saveDraft]);

  const schedule = useCallback(() => {
    stopTimer();
    if (!paused.current) timer.current = window.setTimeout(saveNow, SAVE_AFTER_MS);
  }, [saveNow]);

  /** While saving the registration: no autosave. After a success the form goes away paused. */
  const pause = useCallback(() => {
    stopTimer();
    paused.current = true;
  }, []);

  /** The registration failed: keep what is on the form safe again. */
  const resume = useCallback(() => {
    paused.current = false;
    saveNow();
  }, [saveNow]);

  const discard = useCallback(async () => {
    stopTimer();
    setSavedAt(null);
    setRestoredAt(null);
    await clearDraft()
      .unwrap()
      .catch(() => undefined);
  }, [clearDraft]);

  // A click elsewhere (退出登录, another page) may end this page before the timer fires: save
  // first. Calls run in order, so this save lands before whatever the click starts.
  useEffect(() => {
    const flush = () => {
      if (timer.current !== null) saveNow();
    };
    window.addEventListener('pointerdown', flush, true);
    window.addEventListener('beforeunload', flush);
    return () => {
      window.removeEventListener('pointerdown', flush, true);
      window.removeEventListener('beforeunload', flush);
    };
  }, [saveNow]);

  // Restore once on opening; flush a pending save when the page goes away (navigation, lock).
  useEffect(() => {
    let live = true;
    void fetchDraft(undefined, false)
      .unwrap()
      .then((draft) => {
        if (!live || !draft) return;
        try {
          form.setFieldsValue(JSON.parse(draft.data) as CaseFormValues);
          setRestoredAt(draft.savedAt);
          setSavedAt(draft.savedAt);
        } catch {
          // A draft that no longer parses is worth less than a clean form.
        }
      })
      .catch(() => undefined);
    return () => {
      live = false;
      if (timer.current !== null) saveNow();
    };
  }, [fetchDraft, form, saveNow]);

  return { schedule, pause, resume, discard, savedAt, restoredAt, failed };
}
