/** useActivePerspective: the host has the admin perspective only; the value is kept for plugins that set it. */
import { useCallback, useSyncExternalStore } from 'react';
import { useNavigate } from 'react-router';

let active = 'admin';
const listeners = new Set<() => void>();
const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

export const useActivePerspective = (): [string, (perspective: string, next?: string) => void] => {
  const perspective = useSyncExternalStore(subscribe, () => active);
  const navigate = useNavigate();
  const set = useCallback(
    (p: string, next?: string) => {
      active = p;
      listeners.forEach((l) => l());
      if (next) navigate(next);
    },
    [navigate],
  );
  return [perspective, set];
};
