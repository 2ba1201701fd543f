import type { ChannelInput, ChannelOutput } from '../../../main/contract';
import { baseApi, call } from '../../api/baseApi';

type Out<K extends Parameters<typeof call>[0]> = ChannelOutput<K>;
type In<K extends Parameters<typeof call>[0]> = ChannelInput<K>;

export const backupApi = baseApi.injectEndpoints({
  endpoints: (b) => ({
    backupCapabilities: b.query<Out<'backup:capabilities'>, void>({
      query: () => call('backup:capabilities')({}),
    }),
    backupStatus: b.query<Out<'backup:status'>, void>({
      query: () => call('backup:status')({}),
      providesTags: ['Backup'],
    }),
    saveBackupSettings: b.mutation<Out<'backup:saveSettings'>, In<'backup:saveSettings'>>({
      query: call('backup:saveSettings'),
      invalidatesTags: ['Backup', 'Todo', 'Audit'],
    }),
    runBackup: b.mutation<Out<'backup:run'>, void>({
      query: () => call('backup:run')({}),
      invalidatesTags: ['Backup'],
    }),
    chooseBackupPath: b.mutation<Out<'backup:choose'>, In<'backup:choose'>>({ query: call('backup:choose') }),
    listBackups: b.mutation<Out<'backup:list'>, In<'backup:list'>>({ query: call('backup:list') }),
    inspectBackup: b.mutation<Out<'backup:inspect'>, In<'backup:inspect'>>({ query: call('backup:inspect') }),
    restoreBackup: b.mutation<Out<'backup:restore'>, In<'backup:restore'>>({ query: call('backup:restore') }),
    // The first-run wizard's, before anyone can sign in.
    setupChooseBackup: b.mutation<Out<'setup:chooseBackup'>, In<'setup:chooseBackup'>>({
      query: call('setup:chooseBackup'),
    }),
    setupListBackups: b.mutation<Out<'setup:listBackups'>, In<'setup:listBackups'>>({
      query: call('setup:listBackups'),
    }),
    setupInspectBackup: b.mutation<Out<'setup:inspectBackup'>, In<'setup:inspectBackup'>>({
      query: call('setup:inspectBackup'),
    }),
    setupRestoreBackup: b.mutation<Out<'setup:restoreBackup'>, In<'setup:restoreBackup'>>({
      query: call('setup:restoreBackup'),
      invalidatesTags: ['Session'],
    }),
  }),
});

export const {
  useBackupCapabilitiesQuery,
  useBackupStatusQuery,
  useSaveBackupSettingsMutation,
  useRunBackupMutation,
  useChooseBackupPathMutation,
  useListBackupsMutation,
  useInspectBackupMutation,
  useRestoreBackupMutation,
  useSetupChooseBackupMutation,
  useSetupListBackupsMutation,
  useSetupInspectBackupMutation,
  useSetupRestoreBackupMutation,
} = backupApi;
