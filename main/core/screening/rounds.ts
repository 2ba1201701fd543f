import type { z } from 'zod';
import type { ScreeningFindingRow } from '../../../db';
import {
  mayAccess,
  type listRoundsInput,
  type recordRoundInput,
  type RoundDto,
  screeningMethodLabels,
} from '../../contract';
import { createCase } from '../cases/intake';
import type { ServiceContext } from '../context';
import { NotFoundError, ValidationError } from '../errors';
import { newRecord } from '../newRecord';

// 排查: a screening round of one organisation, with what it found. Each finding is registered as a
// case (source 主动调解, through the intake rules, in the same transaction as the round), linked to
// a case the user can see, or noted as 已化解 / 持续关注. A round with no findings is a 零报告.
// A committee records and reads the rounds of its own organisations and those under them only.

export const ROUND_NOT_FOUND = '未找到该调解组织';

/** The organisation must be in the user's scope: otherwise it answers like a missing one. */
export function requireOrganisationInScope(
  ctx: ServiceContext,
  organisationId: string,
  path = 'organisationId',
) {
  if (!ctx.scope.organisations.has(organisationId))
    throw ValidationError.field([path], '组织', '只能选择您所属的调解组织或其下属组织');
}

export async function recordRound(
  ctx: ServiceContext,
  input: z.output<typeof recordRoundInput>,
): Promise<RoundDto> {
  requireOrganisationInScope(ctx, input.organisationId);
  const organisation = await ctx.repos.catalog.organisation(input.organisationId);
  if (!organisation) throw new NotFoundError(ROUND_NOT_FOUND);
  const registering = input.findings.findIndex((f) => f.disposition === 'new_case');
  if (registering >= 0 && !mayAccess('cases:create', ctx.actor.roles))
    throw ValidationError.field(
      ['findings', registering, 'disposition'],
      '处理方式',
      '登记为案件需要受理员权限：请由受理员登记后选择“关联已有案件”',
    );

  const now = ctx.clock.now().toISOString();
  const round = {
    ...newRecord(ctx, now),
    organisationId: organisation.id,
    heldOn: input.heldOn,
    conductedBy: input.conductedBy,
    method: input.method,
    area: input.area,
    findingCount: input.findings.length,
    recordedBy: ctx.actor.userId,
    recordedByName: ctx.actor.displayName,
  };
  ctx.repos.screening.insertRound(round);

  for (const [i, f] of input.findings.entries()) {
    let caseId: string | null = null;
    if (f.disposition === 'linked') {
      caseId = f.caseId!;
    } else if (f.disposition === 'new_case') {
      caseId = await registerFinding(ctx, f.newCase!, i);
    }
    const row: ScreeningFindingRow = {
      ...newRecord(ctx, now),
      roundId: round.id,
      seq: i + 1,
      kind: f.kind,
      summary: f.summary,
      disposition: f.disposition,
      caseId,
      note: f.note ?? null,
    };
    ctx.repos.screening.insertFinding(row);
  }
  ctx.audit.detail = `${organisation.name} ${input.heldOn} ${screeningMethodLabels[input.method]}：${
    input.findings.length === 0 ? '零报告' : `发现${input.findings.length}条`
  }`;
  return (await roundDtos(ctx, [round]))[0]!;
}

/** The finding's case, registered with source 主动调解; errors name the finding they belong to. */
async function registerFinding(
  ctx: ServiceContext,
  newCase: NonNullable<z.output<typeof recordRoundInput>['findings'][number]['newCase']>,
  index: number,
): Promise<string> {
  try {
    const detail = await createCase(ctx, { ...newCase, source: 'proactive' });
    return detail.id;
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const prefix = ['findings', index, 'newCase'];
    throw new ValidationError(
      `排查发现第${index + 1}条：${error.message}`,
      (error.issues ?? []).map((issue) => ({ ...issue, path: [...prefix, ...issue.path] })),
    );
  }
}

export async function listRounds(
  ctx: ServiceContext,
  input: z.output<typeof listRoundsInput>,
): Promise<RoundDto[]> {
  if (input.organisationId) requireOrganisationInScope(ctx, input.organisationId);
  const organisations = input.organisationId ? [input.organisationId] : [...ctx.scope.organisations];
  return roundDtos(ctx, ctx.repos.screening.rounds(organisations, input.from, input.to));
}

async function roundDtos(
  ctx: ServiceContext,
  rounds: ReturnType<ServiceContext['repos']['screening']['rounds']>,
): Promise<RoundDto[]> {
  const names = new Map((await ctx.repos.catalog.organisations()).map((o) => [o.id, o.name]));
  const findings = ctx.repos.screening.findings(rounds.map((r) => r.id));
  return rounds.map((r) => ({
    id: r.id,
    organisationId: r.organisationId,
    organisationName: names.get(r.organisationId) ?? '',
    heldOn: r.heldOn,
    conductedBy: r.conductedBy,
    method: r.method as RoundDto['method'],
    area: r.area,
    zeroReport: r.findingCount === 0,
    recordedByName: r.recordedByName,
    findings: findings
      .filter((f) => f.roundId === r.id)
      .map((f) => {
        // A linked case the reader cannot see is not shown (nor its id).
        const visible = f.caseId !== null && ctx.repos.caseScope.contains(ctx.scope.principals, f.caseId);
        return {
          id: f.id,
          seq: f.seq,
          kind: f.kind as RoundDto['findings'][number]['kind'],
          summary: f.summary,
          disposition: f.disposition as RoundDto['findings'][number]['disposition'],
          caseId: visible ? f.caseId : null,
          caseNumber: visible ? f.caseNumber : null,
          note: f.note,
        };
      }),
  }));
}
