import { z } from 'zod';
import { empty, id } from '../schemas/common';
import {
  addTrainingInput,
  mediatorDto,
  orgTreeDto,
  organisationDto,
  saveMediatorInput,
  saveOrganisationInput,
} from '../schemas/organisations';
import { defineChannels } from './spec';

export const organisationChannels = defineChannels({
  'orgs:tree': { input: empty, output: orgTreeDto, access: 'signedIn', kind: 'query', label: '查看调解组织' },
  'orgs:save': {
    input: saveOrganisationInput,
    output: organisationDto,
    access: 'orgs:manage',
    kind: 'mutation',
    label: '维护调解组织',
    ids: { id: 'organisation', parentId: 'organisation' },
  },
  'mediators:list': {
    input: z.strictObject({ includeInactive: z.boolean().default(false) }),
    output: z.array(mediatorDto),
    access: ['mediators:manage', 'cases:dispatch', 'cases:read'],
    kind: 'query',
    label: '查看调解员名册',
  },
  'mediators:save': {
    input: saveMediatorInput,
    output: mediatorDto,
    access: 'mediators:manage',
    kind: 'mutation',
    label: '维护调解员',
    ids: { id: 'mediator', 'memberships[].organisationId': 'organisation' },
  },
  'mediators:addTraining': {
    input: addTrainingInput,
    output: mediatorDto,
    access: 'mediators:manage',
    kind: 'mutation',
    label: '登记调解员培训',
    ids: { mediatorId: 'mediator' },
  },
  'mediators:revealIdNumber': {
    input: z.strictObject({ id }),
    output: z.object({ idNumber: z.string() }),
    access: 'mediators:manage',
    kind: 'mutation',
    label: '查看调解员完整证件号码',
    ids: { id: 'mediator' },
  },
});
