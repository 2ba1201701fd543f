import type { Rule } from 'antd/es/form';
import {
  agentInput,
  checkCreditCode,
  checkIdNumber,
  createCaseInput,
  organisationInput,
  personInput,
  updateCaseInput,
} from '../../../main/contract';
import { zodRule } from '../../components/forms';

// The intake form's field rules, each one the contract's own schema (or the very check the
// schema runs), so the form and the service can never disagree about what is valid.

const caseShape = createCaseInput.shape;
const personShape = personInput.shape;
const orgShape = organisationInput.shape;
const agentShape = agentInput.shape;

export const caseRules = {
  disputeType: [zodRule(caseShape.disputeType)],
  source: [zodRule(caseShape.source)],
  referringCourt: [
    { required: true, message: '请填写委派（委托）调解的法院' },
    zodRule(caseShape.referringCourt),
  ],
  township: [zodRule(caseShape.township)],
  village: [zodRule(caseShape.village)],
  committeeId: [{ required: true, message: '请选择受理调委会' }],
  receivedOn: [zodRule(caseShape.receivedOn)],
  summary: [zodRule(caseShape.summary)],
  requests: [zodRule(caseShape.requests)],
  amount: [zodRule(caseShape.amountFen)],
  repeatReason: [zodRule(caseShape.repeatReason)],
  reason: [zodRule(updateCaseInput.shape.reason)],
};

export const personRules = {
  name: [zodRule(personShape.name)],
  occupation: [zodRule(personShape.occupation)],
  address: [zodRule(personShape.address)],
  phone: [zodRule(personShape.phone)],
};

export const organisationRules = {
  name: [zodRule(orgShape.name)],
  representative: [zodRule(orgShape.representative)],
  representativeTitle: [zodRule(orgShape.representativeTitle)],
  address: [zodRule(orgShape.address)],
};

export const agentRules = {
  name: [zodRule(agentShape.name)],
  relation: [zodRule(agentShape.relation)],
  authorityDetail: [zodRule(agentShape.authorityDetail)],
  idNumber: [zodRule(agentShape.idNumber)],
  phone: [zodRule(agentShape.phone)],
};

/** The person schema checks a resident ID in its refinement; the field runs that same check. */
export function idNumberRules(isResidentId: () => boolean): Rule[] {
  return [
    zodRule(personShape.idNumber),
    {
      validator: async (_r, value: string | undefined) => {
        if (!value?.trim() || !isResidentId()) return;
        const check = checkIdNumber(value, new Date());
        if (!check.ok) throw new Error(check.message);
      },
    },
  ];
}

/** A bad format blocks saving (the service refuses it); a wrong check character only warns. */
export const creditCodeRules: Rule[] = [
  zodRule(orgShape.creditCode),
  {
    validator: async (_r, value: string | undefined) => {
      if (!value?.trim()) return;
      const check = checkCreditCode(value);
      if (check.status === 'invalid') throw new Error(check.message);
    },
  },
  {
    warningOnly: true,
    validator: async (_r, value: string | undefined) => {
      if (!value?.trim()) return;
      const check = checkCreditCode(value);
      if (check.status === 'warning') throw new Error(check.message);
    },
  },
];
