import { EntitySchema } from 'typeorm';

/** Installation-wide settings as JSON values under a key. */
export interface SettingRow {
  key: string;
  value: string;
}

export const SettingEntity = new EntitySchema<SettingRow>({
  name: 'Setting',
  tableName: 'settings',
  columns: {
    key: { type: 'text', primary: true },
    value: { type: 'text' },
  },
});
