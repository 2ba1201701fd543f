import { z } from 'zod';
import { isoDateTime, pageQuery, paged } from './common';
import { searchText } from './freeText';

export const auditOutcomes = ['ok', 'error'] as const;

export const auditEntryDto = z.object({
  seq: z.number().int(),
  at: isoDateTime,
  actorName: z.string().nullable(),
  action: z.string(),
  actionLabel: z.string(),
  target: z.string().nullable(),
  outcome: z.enum(auditOutcomes),
  detail: z.string().nullable(),
});
export type AuditEntryDto = z.infer<typeof auditEntryDto>;

export const listAuditInput = z.strictObject({
  ...pageQuery,
  action: searchText('操作', 64).optional(),
});

export const auditPage = paged(auditEntryDto);

export const auditVerifyResult = z.object({
  intact: z.boolean(),
  checked: z.number().int(),
  firstBrokenSeq: z.number().int().nullable(),
  message: z.string(),
});
export type AuditVerifyResult = z.infer<typeof auditVerifyResult>;

// ---- Audit alarms (issue 8): what the unlock check or a key check found, until acknowledged ----

export const auditAlarmDto = z.object({ seq: z.number().int(), at: isoDateTime, detail: z.string() });
export type AuditAlarmDto = z.infer<typeof auditAlarmDto>;

export const auditAlarms = z.object({ items: z.array(auditAlarmDto) });

export const acknowledgeAlarmsInput = z.strictObject({
  throughSeq: z.number({ error: '请选择要确认的告警' }).int().min(1).describe('告警序号'),
});
