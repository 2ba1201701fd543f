import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';

// The address (#/cases/…) outlives a sign-out: the next person to sign in would land on the page
// the previous one left open. Whoever was here last is remembered for the browser session; a
// different user starts at their own home, the same user (back after an idle lock) where they were.

const LAST_USER = 'desk:lastUser';

/** True until a user other than the last one has been taken to `home`. */
export function useFreshArrival(userId: string | undefined, home: string): boolean {
  const location = useLocation();
  const [fresh, setFresh] = useState(() => {
    const last = sessionStorage.getItem(LAST_USER);
    return userId !== undefined && last !== null && last !== userId;
  });
  useEffect(() => {
    if (userId) sessionStorage.setItem(LAST_USER, userId);
  }, [userId]);
  // Arrived home: from now on the address is this user's own (state adjusted while rendering).
  if (fresh && location.pathname === home) setFresh(false);
  return fresh && location.pathname !== home;
}
