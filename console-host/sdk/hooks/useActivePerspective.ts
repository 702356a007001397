/** useActivePerspective: `[id, setter]`; the id is one of the known perspectives, persisted in localStorage. */
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { useNavigate } from 'react-router';
import { useExtensions } from '@openshift/dynamic-plugin-sdk';
import { isPerspective } from '@openshift-console/dynamic-plugin-sdk/lib/extensions';
import {
  ADMIN_PERSPECTIVE,
  pickPerspective,
  readPerspective,
  subscribePerspective,
  writePerspective,
} from './perspectiveStore';

/** Ids of the host's `admin` perspective and of every `console.perspective` extension. */
export const usePerspectiveIds = (): { id: string; default?: boolean }[] => {
  const extensions = useExtensions(isPerspective);
  return useMemo(
    () => [
      { id: ADMIN_PERSPECTIVE, default: !extensions.some((e) => e.properties.default) },
      ...extensions
        .filter((e) => e.properties.id !== ADMIN_PERSPECTIVE)
        .map((e) => ({ id: e.properties.id, default: e.properties.default })),
    ],
    [extensions],
  );
};

export const useActivePerspective = (): [string, (perspective: string, next?: string) => void] => {
  const stored = useSyncExternalStore(subscribePerspective, readPerspective);
  const available = usePerspectiveIds();
  const navigate = useNavigate();
  const set = useCallback(
    (p: string, next?: string) => {
      writePerspective(p);
      if (next) navigate(next);
    },
    [navigate],
  );
  return [pickPerspective(stored, available), set];
};
