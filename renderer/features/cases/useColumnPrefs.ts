import { useState } from 'react';

const KEY = 'desk.cases.hiddenColumns';

function load(fallback: string[]): string[] {
  try {
    const raw = localStorage.getItem(KEY);
    const parsed = raw ? (JSON.parse(raw) as unknown) : null;
    return Array.isArray(parsed) ? parsed.filter((k): k is string => typeof k === 'string') : fallback;
  } catch {
    return fallback;
  }
}

/**
 * Which list columns the clerk has hidden, kept on this computer. Only column keys are stored:
 * localStorage is not encrypted, so nothing about a case may go there.
 */
export function useColumnPrefs(defaultHidden: string[]) {
  const [hidden, setHidden] = useState<string[]>(() => load(defaultHidden));
  const save = (next: string[]) => {
    setHidden(next);
    localStorage.setItem(KEY, JSON.stringify(next));
  };
  return { hidden, setHidden: save, reset: () => save(defaultHidden) };
}
