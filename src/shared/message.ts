// The message of a thrown value, for the server and the sidebar alike (pure: no Apps Script, no DOM).

/** The message of anything thrown, never "undefined" or "[object Object]". */
export function messageOf(error: unknown): string {
  // Not `instanceof Error`: a service's error may come from another realm (and does in tests).
  const message =
    typeof error === 'object' && error !== null
      ? (error as { message?: unknown }).message
      : undefined;
  if (typeof message === 'string' && message) return message;
  if (typeof error === 'string' && error) return error;
  return 'an unknown error';
}
