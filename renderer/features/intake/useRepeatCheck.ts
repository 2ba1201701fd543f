import { skipToken } from '@reduxjs/toolkit/query';
import { Form, type FormInstance } from 'antd';
import { useMemo } from 'react';
import { checkCreditCode, checkIdNumber, type ChannelInput } from '../../../main/contract';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { useCheckRepeatsQuery } from '../cases/casesApi';
import type { PartyValues } from './intakeValues';

type RepeatArgs = ChannelInput<'cases:checkRepeats'>;

/** Only what can match: names of 2+ characters, well-formed ID numbers and credit codes. */
function repeatArgs(
  township: string | undefined,
  parties: PartyValues[] | undefined,
  excludeCaseId?: string,
) {
  const list = (parties ?? []).flatMap((p) => {
    const name = (p.name ?? '').trim().slice(0, 80);
    const id =
      p.kind === 'person' && (p.idType ?? 'resident_id') === 'resident_id' && p.idNumber
        ? checkIdNumber(p.idNumber, new Date())
        : null;
    const credit = p.kind === 'organisation' && p.creditCode ? checkCreditCode(p.creditCode) : null;
    const entry: RepeatArgs['parties'][number] = { name };
    if (id?.ok) entry.idNumber = id.value.normalized;
    if (credit && credit.status !== 'invalid') entry.creditCode = credit.normalized;
    return name.length >= 2 || entry.idNumber || entry.creditCode ? [entry] : [];
  });
  if (!list.length) return null;
  const args: RepeatArgs = { township: township ?? '', parties: list };
  if (excludeCaseId) args.excludeCaseId = excludeCaseId;
  return args;
}

/**
 * Repeat-dispute matches for what is on the form, asked again ~0.6 s after the township, a
 * party name, an ID number or a credit code stops changing.
 */
export function useRepeatCheck(form: FormInstance, excludeCaseId?: string) {
  const township = Form.useWatch<string | undefined>('township', form);
  const parties = Form.useWatch<PartyValues[] | undefined>('parties', { form, preserve: true });
  const key = JSON.stringify(repeatArgs(township, parties, excludeCaseId));
  const settled = useDebouncedValue(key, 600);
  const args = useMemo(() => JSON.parse(settled) as RepeatArgs | null, [settled]);
  const { data, isFetching } = useCheckRepeatsQuery(args ?? skipToken);
  return { matches: args ? (data ?? []) : [], checking: isFetching || settled !== key };
}
