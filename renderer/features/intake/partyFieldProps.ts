import type { PartySuggestion } from '../../../main/contract';

/** What a party card hands its person / organisation / agent field groups. */
export interface PartyFieldProps {
  /** The Form.List field name (index) of this party. */
  name: number;
  onPick: (suggestion: PartySuggestion) => void;
  /** Enter in 住址: add the next party, unless the agent's fields follow. */
  onLastEnter: () => void;
}
