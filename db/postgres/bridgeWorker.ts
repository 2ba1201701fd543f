import type * as Crypto from 'node:crypto';
import type * as Net from 'node:net';
import type { Duplex } from 'node:stream';
import type * as Stream from 'node:stream';
import type * as Tls from 'node:tls';
import type {
  BridgeFailure,
  BridgeInput,
  BridgeReply,
  BridgeRequest,
  BridgeStatement,
} from './bridgeProtocol';

// The thread that owns the PostgreSQL connection. node-postgres is asynchronous; the repositories
// above are synchronous (they were written for better-sqlite3 and run inside one transaction per
// call under the desk's mutex). The desk's thread posts one statement here and sleeps on a shared
// flag (Atomics.wait) until the answer is posted back: the same calling shape as SQLite, with the
// round trip to the server in between. See ./bridge.ts for the calling side.
//
// `bridgeMain` is handed to the thread as source text (as the backup worker is): it may use
// nothing from this module's scope, only what it is given. What passes between the two threads
// is ./bridgeProtocol.ts.

interface PgModule {
  Client: new (config: Record<string, unknown>) => PgClient;
  types: { setTypeParser(oid: number, parse: (text: string) => unknown): void };
}
interface PgClient {
  connect(): Promise<void>;
  query(q: BridgeStatement): Promise<{
    rows: Record<string, unknown>[];
    rowCount: number | null;
    command: string;
    fields?: { name: string; dataTypeID: number }[];
  }>;
  end(): Promise<void>;
  on(event: 'error', listener: (error: Error) => void): void;
}

/** Runs on the bridge's thread. Self-contained on purpose (see above). */
export function bridgeMain(
  load: (path: string) => unknown,
  input: BridgeInput,
  onRequest: (handle: (request: BridgeRequest) => Promise<void>) => void,
): void {
  const pg = load(input.pgPath) as PgModule;
  const net = load('node:net') as typeof Net;
  const tls = load('node:tls') as typeof Tls;
  const crypto = load('node:crypto') as typeof Crypto;
  const { config } = input;

  // The same values better-sqlite3 gives: numbers for counts and sums (bigint and numeric come
  // as text otherwise), 1/0 for truth (SQLite has no booleans, so no caller expects true/false),
  // dates and times as the text they are stored as.
  const asNumber = (text: string) => Number(text);
  pg.types.setTypeParser(20, asNumber); // int8
  pg.types.setTypeParser(1700, asNumber); // numeric
  pg.types.setTypeParser(16, (text) => (text === 't' ? 1 : 0)); // bool
  for (const oid of [1082, 1114, 1184]) pg.types.setTypeParser(oid, (text) => text); // date, timestamp(tz)

  let client: PgClient | null = null;
  let inTransaction = false;
  /** The connection dropped inside a transaction: everything until ROLLBACK fails. */
  let lost = false;

  /** The request being answered: its reply carries its id, and the flag says it is there. */
  let answering = 0;
  const reply = (message: BridgeReply) => {
    input.replies.postMessage({ ...message, id: answering });
    Atomics.store(input.flag, 0, answering);
    Atomics.notify(input.flag, 0);
  };

  const connectTimeout = config.connectTimeoutMs ?? 5000;
  const refused = (reason: 'noTls' | 'wrongCertificate' | 'untrusted', detail: string) =>
    Object.assign(new Error(detail), { bridgeFailure: { kind: 'refused', reason, detail } });

  /**
   * A pinned server is reached through a TLS connection made here: PostgreSQL's SSLRequest, the
   * handshake, and the certificate's fingerprint compared before a byte of the protocol proper is
   * sent (the user name, the password's proof). node-postgres then speaks over that connection
   * as over a plain socket. A CA-signed certificate may be pinned as well as a self-signed one.
   */
  function pinnedTunnel(fingerprint: string): Promise<Duplex> {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host: config.host, port: config.port });
      let secure: Tls.TLSSocket | null = null;
      const timer = setTimeout(
        () => fail(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })),
        connectTimeout,
      );
      function fail(error: Error) {
        clearTimeout(timer);
        secure?.destroy();
        socket.destroy();
        reject(error);
      }
      socket.once('error', fail);
      socket.once('connect', () => {
        const request = Buffer.alloc(8);
        request.writeInt32BE(8, 0);
        request.writeInt32BE(80877103, 4); // SSLRequest
        socket.write(request);
      });
      socket.once('data', (answer) => {
        if (answer[0] !== 0x53) return fail(refused('noTls', 'no TLS'));
        secure = tls.connect({
          socket,
          rejectUnauthorized: false,
          servername: net.isIP(config.host) ? undefined : config.host,
        });
        secure.once('error', fail);
        secure.once('secureConnect', () => {
          const seen = crypto.createHash('sha256').update(secure!.getPeerCertificate().raw).digest('hex');
          if (seen !== fingerprint)
            return fail(refused('wrongCertificate', seen.match(/../g)!.join(':').toUpperCase()));
          clearTimeout(timer);
          secure!.removeListener('error', fail);
          resolve(tunnelOver(secure!));
        });
      });
    });
  }

  /** The TLS connection dressed as the not-yet-connected socket node-postgres expects. */
  function tunnelOver(secure: Tls.TLSSocket): Duplex {
    const { Duplex } = load('node:stream') as typeof Stream;
    const tunnel = new Duplex({
      read: () => void secure.resume(),
      write: (chunk: Buffer, _encoding, done) => void secure.write(chunk, done),
      final: (done) => {
        secure.end();
        done();
      },
      destroy: (error: Error | null, done) => {
        secure.destroy();
        done(error);
      },
    });
    secure.on('data', (data) => {
      if (!tunnel.push(data)) secure.pause();
    });
    secure.on('end', () => tunnel.push(null));
    secure.on('error', (error: Error) => tunnel.destroy(error));
    secure.on('close', () => tunnel.destroy());
    return Object.assign(tunnel, {
      connect: () => {
        process.nextTick(() => tunnel.emit('connect'));
        return tunnel;
      },
      setNoDelay: () => tunnel,
      setKeepAlive: (on: boolean, delay: number) => {
        secure.setKeepAlive(on, delay);
        return tunnel;
      },
      ref: () => tunnel,
      unref: () => tunnel,
    });
  }

  async function connect(): Promise<void> {
    // Verify-full: node-postgres's own TLS, the chain to the centre's CA and the host name checked.
    const transport =
      config.tls.mode === 'verify-full'
        ? { ssl: { ca: config.tls.ca, rejectUnauthorized: true } }
        : { ssl: false, stream: await pinnedTunnel(config.tls.fingerprint).then((t) => () => t) };
    const next = new pg.Client({
      host: config.host,
      port: config.port,
      database: config.database,
      user: config.user,
      password: config.password,
      ...transport,
      connectionTimeoutMillis: connectTimeout,
      statement_timeout: config.statementTimeoutMs ?? 30_000,
      application_name: config.applicationName ?? 'mediation-desk',
      keepAlive: true,
      // Statements sent together go out at once, each with its own Sync (see execute).
      pipeline: true,
    });
    // A dropped connection is noticed here between statements, and by the next statement's failure.
    next.on('error', () => {
      if (client === next) client = null;
    });
    try {
      await next.connect();
    } catch (error) {
      void next.end().catch(() => undefined);
      throw error;
    }
    client = next;
  }

  const connectionCodes = new Set([
    'ECONNREFUSED',
    'ECONNRESET',
    'ETIMEDOUT',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'EPIPE',
    'ENOTFOUND',
    'EAI_AGAIN',
  ]);
  const tlsCodes = /CERT|SELF_SIGNED|UNABLE_TO|ALTNAME|SIGNATURE|ISSUER/;

  function failureOf(error: unknown): BridgeFailure {
    const e = error as { bridgeFailure?: BridgeFailure; code?: string; message?: string };
    if (e.bridgeFailure) return e.bridgeFailure;
    const code = typeof e.code === 'string' ? e.code : '';
    const message = String(e.message ?? error);
    if (/does not support SSL/i.test(message)) return { kind: 'refused', reason: 'noTls', detail: message };
    if (tlsCodes.test(code)) return { kind: 'refused', reason: 'untrusted', detail: code };
    if (code === '28P01' || code === '28000') return { kind: 'refused', reason: 'login', detail: message };
    if (code === '3D000') return { kind: 'refused', reason: 'noDatabase', detail: message };
    if (
      connectionCodes.has(code) ||
      /^08/.test(code) ||
      /^57P0[123]$/.test(code) ||
      /Connection terminated|not queryable|connection timeout/i.test(message)
    ) {
      return { kind: 'unavailable', reason: 'unreachable' };
    }
    return { kind: 'statement', code: code || 'XX000', message };
  }

  // bytea arrives as a Buffer; across the thread it becomes a plain Uint8Array: named here, so
  // the other side makes Buffers of these columns only.
  const bytesOf = (result: { fields?: { name: string; dataTypeID: number }[] }) =>
    (result.fields ?? []).filter((f) => f.dataTypeID === 17).map((f) => f.name);

  /** What a failed execute() threw: the error, and the index of the statement it was for. */
  const unwrap = (caught: unknown): { error: unknown; at: number } =>
    caught && typeof caught === 'object' && 'at' in caught && 'error' in caught
      ? (caught as { error: unknown; at: number })
      : { error: caught, at: 0 };
  /** Statements that change nothing on the server: sent again after a dropped connection. */
  const retryable = /^(BEGIN|SELECT|EXPLAIN|SHOW)$/;

  const verbOf = (text: string) => /^\s*([A-Za-z]+)/.exec(text)?.[1]?.toUpperCase() ?? '';

  /** Notes the transaction a statement that ran opened or ended. */
  function track(text: string, verb: string): void {
    // ROLLBACK TO SAVEPOINT ends a savepoint, not the transaction.
    if (verb === 'BEGIN') inTransaction = true;
    else if (
      verb === 'COMMIT' ||
      verb === 'END' ||
      (verb === 'ROLLBACK' && !/^\s*ROLLBACK\s+TO\b/i.test(text))
    )
      inTransaction = false;
  }

  /**
   * Sends the statements at once and replies with the last one's rows, or throws the first
   * failure with its index (`at`). After a failure inside a transaction the server refuses the
   * rest (25P02) until its end: a COMMIT among them ends it as a rollback, which is tracked too.
   */
  async function execute(statements: BridgeStatement[], verbs: string[]): Promise<void> {
    const sent = statements.map((s) => client!.query({ text: s.text, values: s.values }));
    const settled = await Promise.allSettled(sent);
    let failed: { error: unknown; at: number } | null = null;
    settled.forEach((outcome, at) => {
      if (outcome.status === 'fulfilled') track(statements[at]!.text, verbs[at]!);
      else failed ??= { error: outcome.reason, at };
    });
    if (failed) throw failed;
    const results = settled.map((o) => (o as PromiseFulfilledResult<Awaited<(typeof sent)[number]>>).value);
    const result = results.at(-1)!;
    reply({
      ok: true,
      rows: result.rows,
      rowCount: result.rowCount ?? 0,
      command: result.command,
      bytes: bytesOf(result),
      counts: results.slice(0, -1).map((r) => r.rowCount ?? 0),
    });
  }

  onRequest(async (request) => {
    answering = request.id;
    if (request.op === 'close') {
      const closing = client;
      client = null;
      await closing?.end().catch(() => undefined);
      reply({ ok: true, rows: [], rowCount: 0, command: 'CLOSE' });
      return;
    }
    if (request.op === 'connect') {
      try {
        await connect();
        reply({ ok: true, rows: [], rowCount: 0, command: 'CONNECT' });
      } catch (error) {
        reply({ ok: false, ...failureOf(error) });
      }
      return;
    }
    const { statements } = request;
    const verbs = statements.map((st) => verbOf(st.text));
    const verb = verbs.at(-1)!;
    const alone = statements.length === 1;
    if (lost) {
      if (alone && verb === 'ROLLBACK' && !/^\s*ROLLBACK\s+TO\b/i.test(statements[0]!.text)) {
        lost = false;
        inTransaction = false;
        reply({ ok: true, rows: [], rowCount: 0, command: 'ROLLBACK' });
      } else reply({ ok: false, kind: 'transactionLost', at: 0 });
      return;
    }
    // Sent at once, a COMMIT may have reached the server whichever statement's answer was lost.
    const commits = verbs.includes('COMMIT');
    const outside = !inTransaction;
    try {
      if (!client) {
        // Gone inside a transaction: the server has rolled it back.
        if (inTransaction) {
          lost = true;
          inTransaction = false;
          reply({
            ok: false,
            kind: 'unavailable',
            reason: verbs[0] === 'COMMIT' ? 'commitUnknown' : 'lost',
            at: 0,
          });
          return;
        }
        // Between transactions a dropped connection is simply made again: nothing was in flight.
        await connect();
      }
      await execute(statements, verbs);
    } catch (caught) {
      const { error, at } = unwrap(caught);
      let failure = failureOf(error);
      // Outside a transaction, a BEGIN or a read that met a connection already gone did nothing
      // on the server: it is sent once more on a new connection. A write's fate is not known.
      if (failure.kind === 'unavailable' && outside && verbs.every((v) => retryable.test(v))) {
        client = null;
        inTransaction = false;
        try {
          await connect();
          await execute(statements, verbs);
          return;
        } catch (again) {
          failure = failureOf(unwrap(again).error);
        }
      }
      if (failure.kind === 'unavailable') {
        const broken = client;
        client = null;
        void broken?.end().catch(() => undefined);
        // The server rolled the transaction back when the connection went: say so, and make
        // the caller's ROLLBACK the end of it. A COMMIT cut off may or may not have landed.
        const reason = commits ? 'commitUnknown' : inTransaction ? 'lost' : 'unreachable';
        if (inTransaction && !commits) lost = true;
        inTransaction = false;
        reply({ ok: false, kind: 'unavailable', reason, at });
      } else reply({ ok: false, ...failure, at });
    }
  });
}
