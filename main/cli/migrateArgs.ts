import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { normaliseFingerprint, type PgConfig } from '../core/centre/migrate';

// `npm run centre:migrate -- …`: where the desk's data is and how to reach the centre's server.
// Secrets never go on the command line (they would stay in the shell's history and in the
// process list): the passwords come from the environment or are asked for.

export const usage = `用法：npm run centre:migrate -- --data-dir 目录 --host 服务器 [--port 端口] --database 数据库 --user 账号 (--ca CA证书.pem | --fingerprint 指纹)
  --data-dir     本机工作台的数据目录（含 desk.db 和 keys.json）
  --host         县中心数据库服务器的地址
  --port         端口（默认 5432）
  --database     县中心数据库的名称（须是空数据库）
  --user         数据库账号（须是建表的所有者账号）
  --ca           县中心的 CA 证书文件（PEM）：按证书链和服务器地址验证服务器
  --fingerprint  服务器证书的 SHA-256 指纹（64 位十六进制，可带冒号）：与 --ca 二选一
密码不写在命令行上：数据库密码取自环境变量 DESK_PG_PASSWORD，本机管理员的用户名和密码取自
DESK_ADMIN_USER 和 DESK_ADMIN_PASSWORD；没有设置的，运行时逐项询问（输入的密码不显示）。`;

export interface MigrateArgs {
  dataDir: string;
  /** The server, without the password (asked for, or from the environment). */
  centre: Omit<PgConfig, 'password'>;
}

/** Throws with a Chinese message (the usage for --help) on anything missing or malformed. */
export function parseMigrateArgs(argv: string[]): MigrateArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      'data-dir': { type: 'string' },
      host: { type: 'string' },
      port: { type: 'string' },
      database: { type: 'string' },
      user: { type: 'string' },
      ca: { type: 'string' },
      fingerprint: { type: 'string' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) throw new Error(usage);
  const missing = (['data-dir', 'host', 'database', 'user'] as const).filter((k) => !values[k]);
  if (missing.length) throw new Error(`缺少 ${missing.map((k) => `--${k}`).join('、')}\n\n${usage}`);
  const port = values.port === undefined ? 5432 : Number(values.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new Error(`端口“${values.port}”无效：请填写 1–65535 之间的整数`);
  if (Boolean(values.ca) === Boolean(values.fingerprint))
    throw new Error(
      `请用 --ca 或 --fingerprint 之一说明如何验证服务器证书（县中心数据库只用加密连接）\n\n${usage}`,
    );
  let tls: PgConfig['tls'];
  if (values.ca) {
    let ca: string;
    try {
      ca = readFileSync(values.ca, 'utf8');
    } catch {
      throw new Error(`无法读取 CA 证书文件：${values.ca}`);
    }
    if (!ca.includes('-----BEGIN CERTIFICATE-----'))
      throw new Error(`${values.ca} 不是 PEM 格式的证书（应以 -----BEGIN CERTIFICATE----- 开头）`);
    tls = { mode: 'verify-full', ca };
  } else {
    if (!normaliseFingerprint(values.fingerprint!))
      throw new Error('服务器证书指纹应为 64 位十六进制数字（SHA-256），请核对后重新输入');
    tls = { mode: 'pinned', fingerprint: values.fingerprint! };
  }
  return {
    dataDir: values['data-dir']!,
    centre: { host: values.host!, port, database: values.database!, user: values.user!, tls },
  };
}
