import type { Rule } from 'antd/es/form';
import {
  checkIdNumber,
  saveMediatorInput,
  type employmentKinds,
  type MediatorDto,
  type mediatorGrades,
  type SaveMediatorInput,
  type Sex,
} from '../../../main/contract';
import { todayIso } from '../../components/forms';

// The mediator edit form's model: what its fields hold, how a listed mediator fills them and how
// they become the save request. The drawer's sections share it, so it lives apart from any of them.

export interface MediatorFormValues {
  kind: SaveMediatorInput['kind'];
  name: string;
  sex?: Sex;
  ethnicity?: string;
  idNumber?: string;
  phone?: string;
  employment: (typeof employmentKinds)[number];
  certificateNumber?: string;
  grade: (typeof mediatorGrades)[number];
  specialties: string[];
  householdMembers: { name: string; relation: string; idNumber?: string }[];
  villageGroup?: string;
  employer?: string;
  employerCreditCode?: string;
  memberships: { organisationId: string; position: string; from?: string; to?: string }[];
  active: boolean;
}

/** The contract's field schemas, so each field checks as the service will. */
export const mediatorShape = saveMediatorInput.shape;

/**
 * A resident ID as typed, or the mask the form was given (meaning: unchanged). ID numbers reach
 * the form masked, so the mask itself must pass; the service resolves it back to the stored number.
 */
export function idNumberRule(masked: string | null | undefined): Rule {
  return {
    validator: async (_r, value?: string) => {
      if (!value || (masked && value === masked)) return;
      const check = checkIdNumber(value, todayIso());
      if (!check.ok) throw new Error(check.message);
    },
  };
}

/** The fields as the drawer opens: the mediator being edited, or the defaults for a new one. */
export function formValuesOf(editing: MediatorDto | undefined): Partial<MediatorFormValues> {
  if (!editing) {
    return {
      kind: 'mediator',
      employment: 'part_time',
      grade: 'none',
      specialties: [],
      householdMembers: [],
      memberships: [],
      active: true,
    };
  }
  return {
    kind: editing.kind,
    name: editing.name,
    sex: editing.sex ?? undefined,
    ethnicity: editing.ethnicity ?? undefined,
    idNumber: editing.idNumberMasked ?? undefined,
    phone: editing.phone ?? undefined,
    employment: editing.employment,
    certificateNumber: editing.certificateNumber ?? undefined,
    grade: editing.grade,
    specialties: editing.specialties,
    householdMembers: editing.householdMembers.map((h) => ({
      name: h.name,
      relation: h.relation,
      idNumber: h.idNumberMasked ?? undefined,
    })),
    villageGroup: editing.villageGroup ?? undefined,
    employer: editing.employer ?? undefined,
    employerCreditCode: editing.employerCreditCode ?? undefined,
    memberships: editing.memberships.map((m) => ({
      organisationId: m.organisationId,
      position: m.position,
      from: m.from ?? undefined,
      to: m.to ?? undefined,
    })),
    active: editing.active,
  };
}

/** The save request; an edit carries the version it was read at, for the conflict check. */
export function saveInputOf(v: MediatorFormValues, editing: MediatorDto | undefined): SaveMediatorInput {
  return {
    ...(editing ? { id: editing.id, version: editing.version } : {}),
    ...v,
    // The form may give undefined for an empty list; the contract wants [].
    householdMembers: v.householdMembers ?? [],
    memberships: v.memberships ?? [],
    specialties: v.specialties ?? [],
  };
}
