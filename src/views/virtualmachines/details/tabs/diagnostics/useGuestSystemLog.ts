import { useEffect, useMemo, useState } from 'react';
import { consoleFetchText, useK8sWatchResource } from '@openshift-console/dynamic-plugin-sdk';
import { modelToGroupVersionKind, PodModel } from '../../../../../models';
import type { VirtualMachineInstance } from '../../../../../models/types';
import {
  guestLogLines,
  guestLogUrl,
  hasGuestLogContainer,
  launcherPodSelector,
  pickLauncherPod,
  type PodLike,
} from '../../../../../utils/guestSystemLog';

const POD_GVK = modelToGroupVersionKind(PodModel);
/** How often Follow reloads the log's tail. */
export const FOLLOW_INTERVAL_MS = 5000;

export type GuestSystemLog = {
  /** The launcher pod's list watch has answered. */
  podLoaded: boolean;
  /** The guest's pod has the `guest-console-log` container. */
  available: boolean;
  /** That pod's name. */
  podName?: string;
  /** The last lines, once fetched. */
  lines?: string[];
  /** When `lines` were fetched. */
  fetchedAt?: Date;
  /** The last fetch failed (the lines of an earlier fetch stay). */
  error?: unknown;
  /** A fetch is running. */
  fetching: boolean;
  /** Fetches the log again. */
  refresh: () => void;
};

/**
 * The guest system log of a running VMI: the `guest-console-log` container's log in the pod the
 * guest runs in. One list watch of the VMI's launcher pods by label; the log is fetched on open,
 * on refresh, and every few seconds while `follow` is on.
 */
export const useGuestSystemLog = (
  vmi: VirtualMachineInstance | undefined,
  follow: boolean,
): GuestSystemLog => {
  const namespace = vmi?.metadata?.namespace;
  const [pods, podLoaded] = useK8sWatchResource<PodLike[]>(
    vmi?.metadata?.uid
      ? { groupVersionKind: POD_GVK, isList: true, namespace, selector: launcherPodSelector(vmi) }
      : null,
  );
  const pod = useMemo(() => (vmi ? pickLauncherPod(pods ?? [], vmi) : undefined), [pods, vmi]);
  const podName = hasGuestLogContainer(pod) ? pod?.metadata?.name : undefined;

  const [tick, setTick] = useState(0);
  const [result, setResult] = useState<Pick<GuestSystemLog, 'lines' | 'fetchedAt' | 'error'>>({});
  const [fetching, setFetching] = useState(false);

  useEffect(() => {
    setResult({});
  }, [podName]);

  useEffect(() => {
    if (!namespace || !podName) return undefined;
    let current = true;
    setFetching(true);
    consoleFetchText(guestLogUrl(namespace, podName))
      .then((text: string) => {
        if (current) setResult({ lines: guestLogLines(text), fetchedAt: new Date() });
      })
      .catch((error: unknown) => {
        if (current) setResult((before) => ({ ...before, error }));
      })
      .finally(() => {
        if (current) setFetching(false);
      });
    return () => {
      current = false;
    };
  }, [namespace, podName, tick]);

  useEffect(() => {
    if (!follow || !podName) return undefined;
    const id = setInterval(() => setTick((n) => n + 1), FOLLOW_INTERVAL_MS);
    return () => clearInterval(id);
  }, [follow, podName]);

  return {
    podLoaded: Boolean(vmi) && podLoaded,
    available: Boolean(podName),
    podName,
    ...result,
    fetching,
    refresh: () => setTick((n) => n + 1),
  };
};
