import { Typography } from 'antd';
import { formatFen, formatFenCapital, parseAmount } from '../../../main/contract';

/** What the typed amount means, as the clerk types it: "1.5万" → "= 15,000.00 元" (大写 on hover). */
export function AmountHint({ raw }: { raw: string | undefined }) {
  if (!raw?.trim()) return <span>如 1.5万、12,345.60</span>;
  const parsed = parseAmount(raw);
  if (!parsed.ok) return null;
  return (
    <Typography.Text
      type="success"
      data-testid="amount-parsed"
      title={`人民币${formatFenCapital(parsed.fen)}`}
    >
      = {formatFen(parsed.fen)} 元
    </Typography.Text>
  );
}
