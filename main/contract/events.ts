import { z } from 'zod';

// Events pushed from the services to the screen (Electron: webContents.send; browser mode:
// server-sent events). Payloads are validated like channel outputs.

/** The one Electron IPC channel events travel on (name, payload); the preload filters by name. */
export const EVENT_CHANNEL = 'desk:event';

const backupJobKind = z.enum(['backup', 'inspect', 'restore']);

export const events = {
  'session:locked': z.object({ reason: z.enum(['idle', 'signedOut']) }),
  // backup (issue 12): one progress bar for backing up, checking a backup and restoring.
  'backup:progress': z.object({
    jobId: z.string(),
    kind: backupJobKind,
    percent: z.number(),
    message: z.string(),
  }),
  'backup:finished': z.object({
    jobId: z.string(),
    kind: backupJobKind,
    ok: z.boolean(),
    message: z.string(),
    /** The backup file's name, when one was written. */
    file: z.string().nullable(),
  }),
  // ── dossier (issue 13): one long job's progress, the shape every progress bar reads ──
  'job:progress': z.object({
    jobId: z.string(),
    /** What the job does, e.g. "批量导出卷宗". */
    label: z.string(),
    done: z.number().int(),
    total: z.number().int(),
    /** The item being worked on. */
    current: z.string().nullable(),
    state: z.enum(['running', 'finished', 'cancelled', 'failed']),
  }),
};

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<K extends EventName> = z.output<Events[K]>;

export const eventNames = Object.keys(events) as EventName[];

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);
}
