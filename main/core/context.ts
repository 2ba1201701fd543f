import type { Repositories } from '../../db';
import type { Office } from '../contract';
import type { Actor } from './actor';
import type { SigningKey } from './audit/signing';
import type { Lockout } from './auth/lockout';
import type { KdfCost } from './auth/kdf';
import type { KeyFile } from './auth/keyFile';
import type { Clock } from './clock';
import type { ActorScope } from './scope/actorScope';

/** What the dispatcher's audit entry should say about a call; services fill it in. */
export interface AuditNote {
  target?: string;
  detail?: string;
  /** A signing key this call records for another user (users:create, users:resetPassword). */
  enrols?: { userId: string; publicKey: string };
}

/** The key material a signed-in service may need (user management rewraps the database key). */
export interface Vault {
  dek: Buffer;
  keyFile: KeyFile;
  kdfCost: KdfCost;
  /** The signed-in user's audit signing key (rewrapped when they change their password). */
  signer: SigningKey;
  /** Failed sign-ins per account (an administrator's reset or 解除锁定 clears them). */
  lockout: Lockout;
}

/** Everything a domain service gets: who, when, where, and repositories bound to the call's transaction. */
export interface ServiceContext {
  actor: Actor;
  /** Which organisations' cases the actor may see (main/core/scope). */
  scope: ActorScope;
  clock: Clock;
  office: Office;
  repos: Repositories;
  audit: AuditNote;
  vault: Vault;
}
