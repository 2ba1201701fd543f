import { z } from 'zod';
import { id } from './common';
import { searchText } from './freeText';

// 月报 (issue 15): the monthly statistics return as .xlsx, one per committee or consolidated for
// the user's whole scope; 报送 freezes it.

const month = searchText('月份', 7)
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM')
  .describe('月份');

export const monthlyReturnInput = z.strictObject({
  month,
  /** Omitted: the consolidated return over everything the user sees (the county's). */
  committeeId: id.optional().describe('调委会'),
});
export type MonthlyReturnInput = z.input<typeof monthlyReturnInput>;

export const monthlyReturnFileDto = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  sha256: z.string(),
  dataBase64: z.string(),
});

export const returnDifference = z.object({
  sheet: z.string(),
  row: z.string(),
  column: z.string(),
  submitted: z.number(),
  now: z.number(),
});

export const returnStatusDto = z.object({
  month: z.string(),
  committeeId: id.nullable(),
  submitted: z.object({ byName: z.string(), at: z.string() }).nullable(),
  /** Cells whose figure changed since the return was submitted (empty when not submitted). */
  differences: z.array(returnDifference),
});
export type ReturnStatusDto = z.infer<typeof returnStatusDto>;
