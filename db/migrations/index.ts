import { Initial0001 } from './0001-initial';
import { Intake0002 } from './0002-intake';
import { Workflow0003 } from './0003-workflow';
import { Documents0004 } from './0004-documents';
import { ReferringCourt0005 } from './0005-referring-court';
// ── dossier (issue 13) ──
import { Dossiers0012 } from './0012-dossiers';

/** Every migration in order. Add the next one at the end with the next number, and a test. */
export const migrations = [
  Initial0001,
  Intake0002,
  Workflow0003,
  Documents0004,
  ReferringCourt0005,
  // ── dossier (issue 13) ──
  Dossiers0012,
];
