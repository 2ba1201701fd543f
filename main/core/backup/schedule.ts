import { officeDate } from '../dates';
import type { BackupState } from './state';

// When the automatic backup runs: once a day (a Beijing calendar day), while someone is signed
// in, as soon as the app notices none was made that day; and at sign-out if none was made that
// day yet. Not while the folder is unusable (that is a warning for the 管理员, not something to
// retry every minute), and not again within an hour of a failed attempt.

export const RETRY_AFTER_MS = 60 * 60_000;
export const CHECK_EVERY_MS = 60_000;

export function dailyBackupDue(state: BackupState, now: Date, folderUsable: boolean): boolean {
  if (!state.autoDaily || !folderUsable) return false;
  if (state.last && officeDate(new Date(state.last.at)) === officeDate(now)) return false;
  const failedSince = state.lastError && (!state.last || state.lastError.at > state.last.at);
  if (failedSince && now.getTime() - new Date(state.lastError!.at).getTime() < RETRY_AFTER_MS) return false;
  return true;
}
