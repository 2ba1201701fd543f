import { handleOf, repositories, type Store, type UserRow } from '../../../db';
import { SigningKey } from '../audit/signing';
import type { Session } from '../session/session';
import type { UnlockFindings } from '../session/auditTrail';

// At each sign-in, the key unwrapped with the user's own password is the one thing nobody else
// could have made. It must be the key the audit chain last recorded for them; if it is not,
// someone recorded another key in their name (or replaced their key-file entry), and the
// sign-in says so in an alarm entry before anything else.

export interface SignInKey {
  signer: SigningKey;
  found: UnlockFindings;
}

interface Secrets {
  dek: Buffer;
  password: string;
  /** The key from the user's wrap; null for a wrap written before signed audit entries. */
  unwrapped: SigningKey | null;
  /** Signing in with the recovery code: the old key stays under the forgotten password. */
  recovered?: boolean;
}

export async function signingKeyAtSignIn(
  session: Session,
  store: Store,
  row: UserRow,
  secrets: Secrets,
): Promise<SignInKey> {
  const enrolled = repositories(handleOf(store)).audit.enrolledKey(row.id);
  const who = { userId: row.id, displayName: row.displayName, username: row.username };
  const name = `${row.displayName}（${row.username}）`;
  const { unwrapped } = secrets;

  if (unwrapped && !secrets.recovered) {
    if (enrolled?.key === unwrapped.publicKey) {
      return { signer: unwrapped, found: { keyFindings: [], enrolment: null } };
    }
    const finding = enrolled
      ? `${name}的签名密钥与审计日志第${enrolled.seq}条登记的不一致（可能有人以其名义登记了其他密钥）`
      : `${name}的签名密钥未在审计日志中登记（日志可能被截断或改写）`;
    return {
      signer: unwrapped,
      found: {
        keyFindings: [finding],
        enrolment: { reason: '与审计日志登记的不一致，重新登记', selfTarget: who },
      },
    };
  }

  // A new key: the wrap has none (written before signed entries), or the recovery code was used.
  const fresh = SigningKey.generate();
  const keyFile = session.keyFile!;
  await keyFile.setUser(row.usernameKey, secrets.password, secrets.dek, session.kdfCost, fresh);
  keyFile.save();
  if (secrets.recovered) {
    return {
      signer: fresh,
      found: { keyFindings: [], enrolment: { reason: '用恢复码重设密码后', selfTarget: who } },
    };
  }
  if (enrolled) {
    return {
      signer: fresh,
      found: {
        keyFindings: [
          `${name}的密钥文件条目缺少签名密钥，但审计日志第${enrolled.seq}条已为其登记（密钥文件可能被换成旧副本）`,
        ],
        enrolment: { reason: '密钥文件条目缺少签名密钥，重新登记', selfTarget: who },
      },
    };
  }
  return {
    signer: fresh,
    found: { keyFindings: [], enrolment: { reason: '升级后首次登录', selfTarget: who } },
  };
}
