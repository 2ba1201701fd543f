import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { normaliseFingerprint, type PgConfig } from './config';
import { messages, StoreRefusedError, StoreStatementError, StoreUnavailableError } from './errors';
import type {
  BridgeFailure,
  BridgeInput,
  BridgeReply,
  BridgeRequest,
  BridgeStatement,
} from './bridgeProtocol';
import { bridgeMain } from './bridgeWorker';

// A synchronous connection to PostgreSQL: one statement at a time, the caller's thread waiting
// for the answer, as better-sqlite3 answers. The connection itself lives on a worker thread
// (./bridgeWorker.ts). Waiting has a limit: a server that stops answering costs the desk the
// statement timeout and a few seconds, then a clear message, never a frozen window; the next
// statement starts a fresh thread and connection.

/** Beyond the server's own statement timeout, how long the desk waits before giving up on it. */
const MARGIN_MS = 5000;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

/** A write sent later (see PgBridge.defer): its row count, once the server has answered. */
export interface DeferredWrite {
  /** Sends what is waiting, if it has not gone yet, and gives this write's row count. */
  rowCount(): number;
}

interface Waiting extends BridgeStatement {
  answered: number | null;
}

// tsx and esbuild compile with keepNames, which wraps functions in esbuild's __name helper: the
// same helper is defined here for the text to run (as in main/core/backup/worker.ts).
const bootstrap = `'use strict';
const __name = (target, value) => Object.defineProperty(target, 'name', { value, configurable: true });
const { parentPort, workerData } = require('node:worker_threads');
(${bridgeMain.toString()})(
  require,
  workerData,
  (handle) => {
    let queue = Promise.resolve();
    parentPort.on('message', (request) => { queue = queue.then(() => handle(request)); });
  },
);
`;

export class PgBridge {
  private worker: Worker | null = null;
  /** The id of the request last answered (see ask); a new one for each thread. */
  private flag = new Int32Array(new SharedArrayBuffer(4));
  private sequence = 0;
  /** Only ever waited on with a timeout: a millisecond's pause. */
  private readonly pause = new Int32Array(new SharedArrayBuffer(4));
  private replies: MessagePort | null = null;
  /** Requests answered by the server so far (each a round trip; the bench counts them per call). */
  roundTrips = 0;
  /** Writes not sent yet: they go with the next statement (defer). */
  private waiting: Waiting[] = [];

  private constructor(private readonly config: PgConfig) {}

  /** Connects now (TLS checked, signed in) or throws StoreRefusedError / StoreUnavailableError. */
  static open(config: PgConfig): PgBridge {
    if (config.tls.mode === 'pinned') {
      const fingerprint = normaliseFingerprint(config.tls.fingerprint);
      if (!fingerprint)
        throw new StoreRefusedError('服务器证书指纹应为 64 位十六进制数字（SHA-256），请核对后重新输入');
      config = { ...config, tls: { mode: 'pinned', fingerprint } };
    }
    const bridge = new PgBridge(config);
    bridge.start();
    return bridge;
  }

  private get where(): string {
    return `${this.config.host}:${this.config.port}/${this.config.database}`;
  }

  private start(): void {
    // A fresh flag: a thread given up on may still answer late, and must not wake this one.
    this.flag = new Int32Array(new SharedArrayBuffer(4));
    const { port1, port2 } = new MessageChannel();
    const input: BridgeInput = {
      pgPath: require.resolve('pg'),
      config: this.config,
      flag: this.flag,
      replies: port2,
    };
    this.worker = new Worker(bootstrap, { eval: true, workerData: input, transferList: [port2] });
    // The thread must not keep a desk process alive that is otherwise done.
    this.worker.unref();
    this.replies = port1;
    const answer = this.ask({ op: 'connect' }, (this.config.connectTimeoutMs ?? 5000) * 2 + MARGIN_MS);
    if (!answer.ok) {
      this.stop();
      throw this.errorOf(answer);
    }
  }

  private stop(): void {
    const worker = this.worker;
    this.worker = null;
    this.replies?.close();
    this.replies = null;
    void worker?.terminate();
  }

  /**
   * Posts one request and sleeps until its reply (or the limit). Requests are numbered and the
   * thread sets the flag to the number it answered, so only this request's answer wakes the
   * call, and an answer is matched to its request by number, never taken from an earlier one.
   */
  private ask(request: DistributiveOmit<BridgeRequest, 'id'>, limitMs: number): BridgeReply {
    const id = (this.sequence = (this.sequence % 2_000_000_000) + 1);
    const flag = this.flag;
    this.worker!.postMessage({ ...request, id });
    const deadline = Date.now() + limitMs;
    for (let seen = Atomics.load(flag, 0); seen !== id; seen = Atomics.load(flag, 0)) {
      const left = deadline - Date.now();
      if (left <= 0 || Atomics.wait(flag, 0, seen, left) === 'timed-out') {
        this.stop();
        throw new StoreUnavailableError(messages.timedOut(Math.round(limitMs / 1000)));
      }
    }
    // The reply was posted before the flag was set; it is on the port, or arrives at once.
    for (let tries = 0; tries < 1000; tries++) {
      const received: { message: BridgeReply } | undefined = receiveMessageOnPort(this.replies!);
      if (received?.message.id === id) return received.message;
      if (!received) Atomics.wait(this.pause, 0, 0, 1);
    }
    this.stop();
    throw new StoreUnavailableError(messages.lost);
  }

  private errorOf(failure: BridgeFailure): Error {
    switch (failure.kind) {
      case 'unavailable':
        return new StoreUnavailableError(
          failure.reason === 'unreachable' ? messages.unreachable(this.where) : messages[failure.reason],
        );
      case 'transactionLost':
        return new StoreUnavailableError(messages.lost);
      case 'statement':
        return new StoreStatementError(failure.message, failure.code);
      case 'refused':
        switch (failure.reason) {
          case 'noTls':
            return new StoreRefusedError(messages.noTls);
          case 'login':
            return new StoreRefusedError(messages.login);
          case 'noDatabase':
            return new StoreRefusedError(messages.noDatabase(this.config.database));
          case 'wrongCertificate':
            return new StoreRefusedError(messages.wrongCertificate(failure.detail));
          case 'untrusted':
            return new StoreRefusedError(messages.untrusted(failure.detail));
        }
    }
  }

  /**
   * Keeps a write whose result nobody needs yet, to send with the next statement: a call's
   * INSERTs and DELETEs then cost no round trip of their own (an intake writes a dozen rows
   * between two reads). Inside a transaction only (db/postgres/sql.ts decides): a failure then
   * surfaces at the next statement, the COMMIT at the latest, and the transaction is lost all
   * the same. Nothing waits across a transaction's end: COMMIT takes the writes with it, and
   * ROLLBACK drops them (discard) — they were to be undone anyway.
   */
  defer(text: string, values: readonly unknown[]): DeferredWrite {
    const write: Waiting = { text, values: [...values], answered: null };
    this.waiting.push(write);
    return {
      rowCount: () => {
        if (write.answered === null) this.flush();
        return write.answered ?? 0;
      },
    };
  }

  /** Sends the waiting writes now (a caller that must see their failure where it happens). */
  flush(): void {
    if (this.waiting.length) this.send([]);
  }

  /** Drops the waiting writes: the transaction they belong to is being rolled back. */
  discard(): void {
    this.waiting = [];
  }

  /** Runs one statement ($1-numbered parameters), after any waiting writes, and returns its rows. */
  query<T = Record<string, unknown>>(text: string, values: readonly unknown[] = []): QueryResult<T> {
    return this.send([{ text, values: [...values] }]) as QueryResult<T>;
  }

  /** The waiting writes and `then` (if any) in one request; the last statement's rows. */
  private send(then: BridgeStatement[]): QueryResult<Record<string, unknown>> {
    const writes = this.waiting;
    this.waiting = [];
    const statements = [...writes.map(({ text, values }) => ({ text, values })), ...then];
    // After a timeout the old thread is gone: a fresh one connects for this statement.
    if (!this.worker) this.start();
    const limit = (this.config.statementTimeoutMs ?? 30_000) + MARGIN_MS;
    this.roundTrips += 1;
    const answer = this.ask({ op: 'query', statements }, limit);
    if (!answer.ok) {
      const error = this.errorOf(answer);
      if (error instanceof StoreStatementError) {
        const text = statements[answer.at ?? 0]?.text ?? '';
        error.statement = text;
        error.message = `${error.message} — in: ${text.replace(/\s+/g, ' ').slice(0, 6000)}`;
      }
      throw error;
    }
    // Sent alone, the last write's count is the answer's own.
    const counts = then.length ? (answer.counts ?? []) : [...(answer.counts ?? []), answer.rowCount];
    writes.forEach((w, i) => (w.answered = counts[i] ?? 0));
    for (const column of answer.bytes ?? []) {
      for (const row of answer.rows) {
        const value = row[column];
        if (value instanceof Uint8Array)
          row[column] = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
      }
    }
    return { rows: answer.rows, rowCount: answer.rowCount };
  }

  /** Ends the connection and the thread. */
  close(): void {
    this.waiting = [];
    if (!this.worker) return;
    try {
      this.ask({ op: 'close' }, 2000);
    } catch {
      // Closing a connection that is already gone is what was wanted.
    }
    this.stop();
  }
}
