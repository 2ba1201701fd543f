import type { MessagePort } from 'node:worker_threads';
import type { PgConfig } from './config';

// What passes between the desk's thread (./bridge.ts) and the thread that owns the PostgreSQL
// connection (./bridgeWorker.ts): the thread's start-up input, the requests and the replies.

export interface BridgeInput {
  /** Where this process found `pg`, so the thread loads the same copy. */
  pgPath: string;
  config: PgConfig;
  /** [0]: the id of the last request whose reply was posted on `replies`. */
  flag: Int32Array;
  replies: MessagePort;
}

export interface BridgeStatement {
  text: string;
  values: unknown[];
}

/**
 * A query is one statement, or several sent at once: writes whose results nobody read yet, then
 * the statement that needs its answer (./bridge.ts `defer`). They go to the server together
 * (node-postgres's pipeline mode: each with its own Sync) and are answered together.
 */
export type BridgeRequest = { id: number } & (
  { op: 'connect' } | { op: 'query'; statements: BridgeStatement[] } | { op: 'close' }
);

export type BridgeFailure =
  | { kind: 'unavailable'; reason: 'unreachable' | 'lost' | 'commitUnknown' }
  | {
      kind: 'refused';
      reason: 'noTls' | 'login' | 'noDatabase' | 'untrusted' | 'wrongCertificate';
      detail: string;
    }
  | { kind: 'statement'; code: string; message: string }
  /** A statement of a transaction whose connection was lost: only ROLLBACK ends it. */
  | { kind: 'transactionLost' };

export type BridgeReply = { id?: number } & (
  | {
      ok: true;
      /** The last statement's rows, row count and command. */
      rows: Record<string, unknown>[];
      rowCount: number;
      command: string;
      bytes?: string[];
      /** The row counts of the statements before it. */
      counts?: number[];
    }
  /** `at`: the statement that failed (its index in the request). */
  | ({ ok: false; at?: number } & BridgeFailure)
);
