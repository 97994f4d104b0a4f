/** The follow-up form's limits, for the browser too (no zod, no catalogs). */
export const followUpLimits = { note: 2000 } as const;
