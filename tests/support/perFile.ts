import { afterEach } from 'vitest';
import { closeOpenApps } from '../helpers/app';

// Run before every test file (vitest's setupFiles), whether or not its worker ran others first:
// the hooks every file needs (see closeOpenApps).
afterEach(closeOpenApps);
