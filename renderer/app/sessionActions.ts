import { createAction } from '@reduxjs/toolkit';

/**
 * The session was locked or signed out: every slice that holds what a user typed or looked at
 * (search text, filters) forgets it, as the API cache does.
 */
export const sessionEnded = createAction('session/ended');
