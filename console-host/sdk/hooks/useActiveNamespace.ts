/** useActiveNamespace: the namespace in the URL, else the last one chosen (kept in localStorage). */
import { useCallback, useSyncExternalStore } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { ALL_NAMESPACES_KEY } from '../k8s/ref';
import { namespaceFromPath, pathWithNamespace } from './namespacePath';

const STORAGE_KEY = 'console-host.lastNamespace';
const listeners = new Set<() => void>();

const readLast = (): string => {
  try {
    return localStorage.getItem(STORAGE_KEY) || ALL_NAMESPACES_KEY;
  } catch {
    return ALL_NAMESPACES_KEY;
  }
};

export const rememberNamespace = (ns: string): void => {
  try {
    if (ns !== readLast()) {
      localStorage.setItem(STORAGE_KEY, ns);
      listeners.forEach((l) => l());
    }
  } catch {
    // storage unavailable: the URL still carries the namespace
  }
};

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

export const useLastNamespace = (): string => useSyncExternalStore(subscribe, readLast);

export const useActiveNamespace = (): [string, (ns: string) => void] => {
  const location = useLocation();
  const navigate = useNavigate();
  const last = useLastNamespace();
  const active = namespaceFromPath(location.pathname) ?? last;
  const setActive = useCallback(
    (ns: string) => {
      rememberNamespace(ns);
      const next = pathWithNamespace(location.pathname, ns);
      if (next && next !== location.pathname) navigate(next);
    },
    [location.pathname, navigate],
  );
  return [active, setActive];
};
