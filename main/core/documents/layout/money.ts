import { formatFen, formatFenCapital } from '../../../contract';

// Amounts are integer fen end to end; these turn them into the two forms agreements print:
// 86,300.00元 and the anti-tamper capitals 捌万陆仟叁佰元整. Both come from the contract
// (validation/amount.ts), the one home of 人民币大写: the intake form, the agreement form and the
// case page show exactly what the documents print.

function assertFen(fen: number): void {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new Error(`金额必须是非负整数分：${fen}`);
}

export function formatYuan(fen: number): string {
  assertFen(fen);
  return `${formatFen(fen)}元`;
}

export function capitalYuan(fen: number): string {
  assertFen(fen);
  return formatFenCapital(fen);
}

/** 人民币86,300.00元（大写：捌万陆仟叁佰元整） */
export function amountText(fen: number): string {
  return `人民币${formatYuan(fen)}（大写：${capitalYuan(fen)}）`;
}
