// What can go wrong between a desk and the centre's PostgreSQL, in words a clerk can act on.
// The services turn these into the contract's errors; the messages are already the ones to show.

/** The server cannot be reached now (down, restarting, the LAN dropped): trying again may work. */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
}

/**
 * The server answered but must not be used as it is: TLS missing, a certificate that is not the
 * centre's, a wrong password, a database that is not there. Trying again will not help.
 */
export class StoreRefusedError extends Error {
  override readonly name = 'StoreRefusedError';
}

/**
 * A statement the server rejected, with its SQLSTATE (23505 a duplicate key, 40001 a conflict…)
 * and, for the log, the statement (its text, never its parameters: they may be personal).
 */
export class StoreStatementError extends Error {
  override readonly name = 'StoreStatementError';
  statement = '';
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

export const messages = {
  commitUnknown:
    '提交时与县中心数据库的连接中断，无法确认本次操作是否已保存。请重新连接后刷新查看，确认未保存再重试。',
  lost: '与县中心数据库的连接中断，本次操作没有保存。请检查网络连接后重试。',
  unreachable: (where: string) =>
    `无法连接县中心数据库（${where}）。请确认服务器已开启、网络畅通后重试；仍无法连接请联系县中心管理员。`,
  timedOut: (seconds: number) =>
    `县中心数据库 ${seconds} 秒内没有响应，本次操作没有保存。请稍后重试；如果反复出现，请联系县中心管理员。`,
  noTls:
    '县中心数据库服务器没有启用加密连接（TLS），为保护当事人信息，工作台不会连接。请县中心管理员按 README 启用 TLS。',
  wrongCertificate: (seen: string) =>
    `县中心数据库服务器的证书指纹与设置的不一致（服务器出示的是 ${seen}），连接已拒绝：可能连到了假冒的服务器。请与县中心管理员核对指纹。`,
  untrusted: (detail: string) =>
    `县中心数据库服务器的证书未通过验证（${detail}），连接已拒绝。请确认使用的是县中心的 CA 证书、服务器地址与证书一致。`,
  login: '县中心数据库拒绝登录：用户名或密码不正确，或该账号无权连接这个数据库。请与县中心管理员核对。',
  noDatabase: (database: string) => `县中心数据库服务器上没有名为“${database}”的数据库，请核对数据库名。`,
};
