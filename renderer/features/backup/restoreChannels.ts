import {
  useChooseBackupPathMutation,
  useInspectBackupMutation,
  useListBackupsMutation,
  useRestoreBackupMutation,
  useSetupChooseBackupMutation,
  useSetupInspectBackupMutation,
  useSetupListBackupsMutation,
  useSetupRestoreBackupMutation,
} from './backupApi';

export type RestoreMode = 'signedIn' | 'setup';

/**
 * The restore screens serve two doors: the 管理员's 数据备份 page (backup:* channels) and the
 * first-run wizard (setup:* channels, open only before setup). The same four steps either way.
 */
export function useRestoreChannels(mode: RestoreMode) {
  const signedIn = {
    choose: useChooseBackupPathMutation(),
    list: useListBackupsMutation(),
    inspect: useInspectBackupMutation(),
    restore: useRestoreBackupMutation(),
  };
  const setup = {
    choose: useSetupChooseBackupMutation(),
    list: useSetupListBackupsMutation(),
    inspect: useSetupInspectBackupMutation(),
    restore: useSetupRestoreBackupMutation(),
  };
  const chosen = mode === 'setup' ? setup : signedIn;
  return {
    choose: chosen.choose[0],
    list: chosen.list[0],
    inspect: chosen.inspect[0],
    restore: chosen.restore[0],
    busy: chosen.list[1].isLoading || chosen.inspect[1].isLoading || chosen.restore[1].isLoading,
  };
}
