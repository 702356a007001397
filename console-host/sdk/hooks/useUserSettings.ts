/** useUserSettings: localStorage-backed settings (the console's fallback when the ConfigMap is unavailable). */
import { useCallback, useSyncExternalStore, type Dispatch, type SetStateAction } from 'react';

const PREFIX = 'console-host.user-settings.';
const listeners = new Set<() => void>();
const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};
const read = (key: string): string | null => {
  try {
    return localStorage.getItem(PREFIX + key);
  } catch {
    return null;
  }
};

export const useUserSettings = <T>(
  key: string,
  defaultValue?: T,
  _sync?: boolean,
): [T, Dispatch<SetStateAction<T>>, boolean] => {
  const raw = useSyncExternalStore(subscribe, () => read(key));
  const value = raw === null ? (defaultValue as T) : (JSON.parse(raw) as T);
  const setValue = useCallback<Dispatch<SetStateAction<T>>>(
    (next) => {
      const current = read(key);
      const prev = current === null ? (defaultValue as T) : (JSON.parse(current) as T);
      const resolved = typeof next === 'function' ? (next as (p: T) => T)(prev) : next;
      try {
        localStorage.setItem(PREFIX + key, JSON.stringify(resolved));
      } catch {
        // storage unavailable
      }
      listeners.forEach((l) => l());
    },
    [key, defaultValue],
  );
  return [value, setValue, true];
};
