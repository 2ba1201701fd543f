import { useEffect } from 'react';

const TOUCH_EVERY_MS = 60_000;

/**
 * Typing into a long form makes no request, yet it is activity: tell the services at most once
 * a minute, so the idle lock only fires when the clerk has really walked away.
 */
export function useIdleTouch(): void {
  useEffect(() => {
    let last = 0;
    const onActivity = () => {
      const now = Date.now();
      if (now - last < TOUCH_EVERY_MS) return;
      last = now;
      void window.api.invoke('session:touch', {});
    };
    const kinds = ['keydown', 'mousedown', 'wheel', 'touchstart'] as const;
    for (const kind of kinds) window.addEventListener(kind, onActivity, { passive: true });
    return () => {
      for (const kind of kinds) window.removeEventListener(kind, onActivity);
    };
  }, []);
}
