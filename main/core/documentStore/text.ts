import type { Statement } from '../documents';
import { OFFICE_TIME_ZONE } from '../dates';

// How the clerk's free text becomes what a form prints: lists typed with 、 or commas, numbered
// requests, "问：…／答：…" statements, and stored instants on the office's wall clock.

const localDateTime = new Intl.DateTimeFormat('en-CA', {
  timeZone: OFFICE_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An ISO instant → 'YYYY-MM-DDTHH:mm' on the office's wall clock (what the record form prints). */
export function officeDateTime(iso: string): string {
  const parts = Object.fromEntries(localDateTime.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** Splits a clerk's list ("张三、李四（村主任）") into names. */
export function splitList(value: string | null): string[] {
  return (value ?? '')
    .split(/[、，,；;\n]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** "1、…" / "（二）…" / "一、…" numbering is the form's job, not the text's. */
export function splitRequests(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map((line) =>
      line
        .replace(
          /^\s*(?:\d+[.、．)）]|[（(]\d+[)）]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])\s*/,
          '',
        )
        .trim(),
    )
    .filter((line) => line.length > 0);
}

/** "问：…" / "申请人张某：…" lines become speaker + text; other lines are plain narrative. */
export function parseStatements(value: string): Statement[] {
  return value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => {
      const match = /^([^：:，。,]{1,20})[：:]\s*(.+)$/.exec(line);
      return match ? { speaker: match[1]!, text: match[2]! } : { speaker: '', text: line };
    });
}
