/** What makes two user names the same: full-width/half-width and case do not matter. */
export function usernameKey(username: string): string {
  return username.normalize('NFKC').trim().toLowerCase();
}
