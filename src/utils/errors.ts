/** What the UI needs from a failed request: the server's `Status` when it sent one. */
type StatusLike = {
  message?: string;
  code?: number;
  json?: {
    message?: string;
    reason?: string;
    details?: { causes?: { message?: string; field?: string }[] };
  };
};

/** The field causes of a `Status` error (`details.causes`), as `field: message` lines. */
export const getErrorCauses = (error: unknown): string[] =>
  ((error as StatusLike)?.json?.details?.causes ?? [])
    .map((c) => (c.field ? `${c.field}: ${c.message ?? ''}` : (c.message ?? '')))
    .filter(Boolean);

/** The message to show for a failed request: the Status message, then its causes. */
export const getErrorMessage = (error: unknown): string => {
  const e = error as StatusLike | undefined;
  const message = e?.json?.message || e?.message || String(error);
  const causes = getErrorCauses(error).filter((cause) => !message.includes(cause));
  return causes.length ? `${message}: ${causes.join('; ')}` : message;
};

/**
 * Whether the object changed on the server since the user loaded it: 409 Conflict, or the 422
 * the server answers when a patch's resourceVersion test fails.
 */
export const isConflictError = (error: unknown): boolean => {
  const e = error as StatusLike | undefined;
  // 409 is also AlreadyExists (a create hitting a taken name): that is not an edit conflict.
  if (e?.code === 409) return e.json?.reason !== 'AlreadyExists';
  return (
    e?.code === 422 &&
    getErrorCauses(error).some((cause) => cause.includes('/metadata/resourceVersion'))
  );
};

export const isForbiddenError = (error: unknown): boolean => (error as StatusLike)?.code === 403;
