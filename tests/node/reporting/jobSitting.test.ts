import { describe, expect, it } from 'vitest';
import { step, type Run } from '../../../main/core/reporting/jobSteps';
import { ADMIN, setUpApp, switchUser } from '../../helpers/app';

// The 省级报送 job writes its zip into the temporary folder that every lock empties, and reads in
// the name and scope of whoever started it: each of its steps is refused once the sign-in that
// started it has ended, even when the same user signs in again.
describe('the province export job and the sign-in that started it', () => {
  it('runs its steps in that sign-in only', async () => {
    const app = await setUpApp();
    const session = app.session;
    const run = {
      session,
      job: { dto: {}, cancelled: false, zipPath: '' },
      scope: {},
      actor: { userId: session.actor!.userId, displayName: session.actor!.displayName },
      office: { id: '', name: '' },
      sitting: session.sitting,
    } as unknown as Run;
    expect(await step(run, () => 'ran')).toBe('ran');
    await switchUser(app, ADMIN.username, ADMIN.password);
    expect(session.actor!.userId).toBe(run.actor.userId);
    await expect(step(run, () => 'ran')).rejects.toThrow('会话已锁定或已换人登录，导出已中止');
  });
});
