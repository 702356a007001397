/** The active perspective, persisted in localStorage like the console's `bridge/last-perspective` (pure store). */
export const PERSPECTIVE_STORAGE_KEY = 'bridge/last-perspective';
export const ADMIN_PERSPECTIVE = 'admin';

const listeners = new Set<() => void>();

export const subscribePerspective = (l: () => void): (() => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

export const readPerspective = (): string | null => {
  try {
    return localStorage.getItem(PERSPECTIVE_STORAGE_KEY);
  } catch {
    return null;
  }
};

export const writePerspective = (id: string): void => {
  try {
    localStorage.setItem(PERSPECTIVE_STORAGE_KEY, id);
  } catch {
    // storage unavailable: the choice lasts for this page only
  }
  listeners.forEach((l) => l());
};

/** The stored perspective when it exists, else the one marked `default`, else `admin`. */
export const pickPerspective = (
  stored: string | null,
  available: { id: string; default?: boolean }[],
): string =>
  available.find((p) => p.id === stored)?.id ??
  available.find((p) => p.default)?.id ??
  ADMIN_PERSPECTIVE;
