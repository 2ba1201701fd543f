import type { Role } from '../contract';

/** The signed-in user on whose behalf a service runs. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  roles: Role[];
  /** An administrator reset the password: only choosing a new one (or signing out) is allowed. */
  mustChangePassword: boolean;
}
