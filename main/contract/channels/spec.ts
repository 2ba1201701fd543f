import type { z } from 'zod';
import type { IdPaths } from '../ids';
import type { Access } from '../roles';

/**
 * One channel of the API. Every field is required, so a channel without a permission
 * (access) does not compile. `kind: 'mutation'` calls are serialised, run in one database
 * transaction and appended to the audit log under `label`.
 */
export interface ChannelSpec {
  input: z.ZodType;
  output: z.ZodType;
  access: Access;
  kind: 'query' | 'mutation';
  /** Chinese name of the action, shown in the audit log. */
  label: string;
  /**
   * false only for the intake form's autosave: it runs every few seconds while a clerk types,
   * and auditing it would bury the real actions. Still one transaction, still permission-checked.
   */
  audit?: false;
  /**
   * true for what the renderer asks by itself on a timer (the centre's 有新变化 poll): it is not
   * the user's activity, so it does not hold off the idle lock.
   */
  background?: true;
  /**
   * What each id in the input refers to (main/contract/ids.ts). Case-scoped ids are checked
   * against the user's committee scope by the dispatcher before the handler runs; every UUID
   * field of the input must be declared here (tests/node/scope/matrix.test.ts).
   */
  ids?: IdPaths;
}

export function defineChannels<const M extends Record<string, ChannelSpec>>(map: M): M {
  return map;
}
