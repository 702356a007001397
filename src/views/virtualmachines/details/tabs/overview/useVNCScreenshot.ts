import { useEffect, useRef, useState } from 'react';
import { consoleFetch } from '@openshift-console/dynamic-plugin-sdk';
import { vncScreenshotPath } from '../../../../../utils/vncScreenshot';

const REFRESH_MS = 10_000;
const TIMEOUT_MS = 30_000;

export type VNCScreenshot = {
  /** An object URL of the latest PNG (revoked when the next one replaces it). */
  url?: string;
  error?: unknown;
};

const usePageVisible = (): boolean => {
  const [visible, setVisible] = useState(
    typeof document === 'undefined' || document.visibilityState !== 'hidden',
  );
  useEffect(() => {
    const onChange = () => setVisible(document.visibilityState !== 'hidden');
    document.addEventListener('visibilitychange', onChange);
    return () => document.removeEventListener('visibilitychange', onChange);
  }, []);
  return visible;
};

/**
 * The guest's screen from virt-api's `vnc/screenshot`, fetched while `enabled` and the page is
 * visible, every 10 s after the previous answer (never two requests at once). Each new image's
 * object URL replaces and revokes the previous one; disabling or unmounting revokes the last.
 */
export const useVNCScreenshot = (
  namespace: string,
  name: string,
  enabled: boolean,
): VNCScreenshot => {
  const visible = usePageVisible();
  const [state, setState] = useState<VNCScreenshot>({});
  const current = useRef<string | undefined>(undefined);

  const replace = (next: VNCScreenshot) => {
    const old = current.current;
    current.current = next.url;
    setState(next);
    if (old && old !== next.url) URL.revokeObjectURL(old);
  };

  useEffect(() => {
    if (!enabled) {
      if (current.current) replace({});
      return;
    }
    if (!visible) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      try {
        const res = await consoleFetch(
          vncScreenshotPath(namespace, name),
          { signal: controller.signal },
          TIMEOUT_MS,
        );
        const blob = await res.blob();
        if (controller.signal.aborted) return;
        replace({ url: URL.createObjectURL(blob) });
      } catch (error) {
        if (controller.signal.aborted) return;
        // Keep the last image on a passing failure; say why only when there is none.
        if (current.current) setState({ url: current.current, error });
        else setState({ error });
      }
      if (!controller.signal.aborted) timer = setTimeout(() => void load(), REFRESH_MS);
    };
    void load();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [namespace, name, enabled, visible]);

  useEffect(
    () => () => {
      if (current.current) URL.revokeObjectURL(current.current);
      current.current = undefined;
    },
    [],
  );

  return state;
};
