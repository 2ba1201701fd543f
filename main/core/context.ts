import type { Repositories } from '../../db';
import type { Office } from '../contract';
import type { Actor } from './actor';
import type { KdfCost } from './auth/kdf';
import type { KeyFile } from './auth/keyFile';
import type { Clock } from './clock';
import type { ActorScope } from './scope/actorScope';

/** What the dispatcher's audit entry should say about a call; services fill it in. */
export interface AuditNote {
  target?: string;
  detail?: string;
}

/** The key material a signed-in service may need (user management rewraps the database key). */
export interface Vault {
  dek: Buffer;
  keyFile: KeyFile;
  kdfCost: KdfCost;
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
