import { EntitySchema } from 'typeorm';
import type { OrganisationKind } from '../../main/contract';
import { syncableColumns, type Syncable } from './columns';

// The editable catalog: committees, dispute types, villages. Plain CRUD, so TypeORM entities.

export interface OrganisationRow extends Syncable {
  name: string;
  kind: OrganisationKind;
  parentId: string | null;
  abbreviation: string;
  caseNumberPattern: string;
  township: string | null;
  address: string | null;
  /** Words on the committee's seal, printed as「…（印章）」; null: the documents derive it from the name. */
  sealText: string | null;
  activeFrom: string | null;
  activeTo: string | null;
  sort: number;
  /** JSON array of dispute-type codes this committee specialises in. */
  specialties: string;
}

export const OrganisationEntity = new EntitySchema<OrganisationRow>({
  name: 'Organisation',
  tableName: 'organisations',
  columns: {
    ...syncableColumns,
    name: { type: 'text' },
    kind: { type: 'text' },
    parentId: { name: 'parent_id', type: 'text', nullable: true },
    abbreviation: { type: 'text' },
    caseNumberPattern: { name: 'case_number_pattern', type: 'text' },
    township: { type: 'text', nullable: true },
    address: { type: 'text', nullable: true },
    sealText: { name: 'seal_text', type: 'text', nullable: true },
    activeFrom: { name: 'active_from', type: 'text', nullable: true },
    activeTo: { name: 'active_to', type: 'text', nullable: true },
    sort: { type: 'integer', default: 0 },
    specialties: { type: 'text', default: '[]' },
  },
});

export interface DisputeTypeRow {
  code: string;
  name: string;
  officialCode: string | null;
  active: boolean;
  sort: number;
}

export const DisputeTypeEntity = new EntitySchema<DisputeTypeRow>({
  name: 'DisputeType',
  tableName: 'dispute_types',
  columns: {
    code: { type: 'text', primary: true },
    name: { type: 'text' },
    officialCode: { name: 'official_code', type: 'text', nullable: true },
    active: { type: 'boolean', default: true },
    sort: { type: 'integer', default: 0 },
  },
});

export interface VillageRow extends Syncable {
  township: string;
  name: string;
  active: boolean;
  /** 统计用区划代码 (12 digits, NBS): the provincial export reports villages by it. */
  code: string | null;
}

export const VillageEntity = new EntitySchema<VillageRow>({
  name: 'Village',
  tableName: 'villages',
  columns: {
    ...syncableColumns,
    township: { type: 'text' },
    name: { type: 'text' },
    active: { type: 'boolean', default: true },
    code: { type: 'text', nullable: true },
  },
});
