import { useEffect, useRef } from 'react';

/** 'Ctrl+S', 'Alt+N': modifier names then the key, matched on the physical key (any layout or IME). */
export type Hotkeys = Record<string, (event: KeyboardEvent) => void>;

function comboOf(event: KeyboardEvent): string | null {
  const key = /^Key([A-Z])$/.exec(event.code)?.[1] ?? (event.key === 'Enter' ? 'Enter' : null);
  if (!key) return null;
  const mods = [
    event.ctrlKey || event.metaKey ? 'Ctrl' : '',
    event.altKey ? 'Alt' : '',
    event.shiftKey ? 'Shift' : '',
  ];
  return [...mods.filter(Boolean), key].join('+');
}

/**
 * Page-wide shortcuts while the page is mounted. Listens in the capture phase so a focused
 * antd Select or DatePicker cannot swallow them, and stops the browser's own Ctrl+S.
 */
export function useHotkeys(hotkeys: Hotkeys, enabled = true): void {
  const latest = useRef(hotkeys);
  useEffect(() => {
    latest.current = hotkeys;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const combo = comboOf(event);
      const handler = combo ? latest.current[combo] : undefined;
      if (!handler || event.repeat) return;
      event.preventDefault();
      event.stopPropagation();
      handler(event);
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [enabled]);
}
