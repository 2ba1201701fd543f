import { mayAccess, type Access, type Role } from '../../main/contract';
import { useAuthStatusQuery } from '../api/session';

/** The signed-in user's roles turned into "may I?" — for showing and hiding only; dispatch enforces. */
export function useAccess() {
  const { data } = useAuthStatusQuery();
  const roles: Role[] | null = data?.user?.roles ?? null;
  return {
    can: (access: Access) => mayAccess(access, roles),
    user: data?.user ?? null,
    office: data?.office ?? null,
    /** On the county centre's shared database (other desks change what this one shows). */
    centre: data?.centre ?? false,
  };
}
