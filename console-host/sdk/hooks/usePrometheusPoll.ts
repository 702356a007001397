/**
 * usePrometheusPoll: polls `/api/prometheus/<endpoint>` (or `/api/prometheus-tenancy/…?namespace=`)
 * every `delay` ms. Without a Prometheus the host answers 503 `ServiceUnavailable`; that comes back
 * as the error (an `HttpError` with `code` 503, see `isMetricsUnavailable`).
 */
import { useEffect, useState } from 'react';
import type { PrometheusResponse, UsePrometheusPoll } from '@openshift-console/dynamic-plugin-sdk';
import { consoleFetchJSON } from '../k8s/fetch';
import { startPoll } from './poll';
import { DEFAULT_PROMETHEUS_DELAY, prometheusUrl } from './prometheusUrl';

type PollState = { key: string; response?: PrometheusResponse; error?: unknown };

const baseURLs = () => {
  const flags =
    typeof window === 'undefined'
      ? undefined
      : (window as { SERVER_FLAGS?: Record<string, unknown> }).SERVER_FLAGS;
  const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  return {
    prometheusBaseURL: str(flags?.prometheusBaseURL),
    prometheusTenancyBaseURL: str(flags?.prometheusTenancyBaseURL),
  };
};

/**
 * Returns `[response, loaded, error]` as the 4.22 declaration types it. The first answer is fetched
 * at once; the next one `delay` ms after the previous finished (no overlapping requests). A change
 * of any parameter, or unmounting, aborts the request in flight. A falsy `delay` fetches once.
 * An empty `query` polls nothing and reports `[undefined, true, undefined]`.
 */
export const usePrometheusPoll: UsePrometheusPoll = ({
  endpoint,
  query,
  namespace,
  delay = DEFAULT_PROMETHEUS_DELAY,
  endTime,
  samples,
  timespan,
  timeout,
  customDataSource,
}) => {
  const basePath = customDataSource?.basePath;
  const key = JSON.stringify([
    endpoint,
    query,
    namespace,
    delay,
    endTime,
    samples,
    timespan,
    timeout,
    basePath,
  ]);
  const [state, setState] = useState<PollState | undefined>();
  const enabled = !!prometheusUrl({ endpoint, query }, { now: 0 });

  useEffect(() => {
    if (!enabled) return;
    return startPoll({
      // The URL is built for every request, so a range without `endTime` keeps ending "now".
      request: (signal) =>
        consoleFetchJSON(
          prometheusUrl(
            { endpoint, query, namespace, endTime, samples, timespan, timeout },
            { ...baseURLs(), basePath, now: Date.now() },
          ),
          'GET',
          { signal },
        ) as Promise<PrometheusResponse>,
      delay,
      onData: (response) => setState({ key, response }),
      onError: (error) =>
        setState((prev) => ({
          key,
          // Keep the last answer of this query while reporting the failure.
          response: prev?.key === key ? prev.response : undefined,
          error,
        })),
    });
    // `key` covers every input of the effect.
  }, [key, enabled]);

  if (!enabled) return [undefined, true, undefined];
  return state?.key === key ? [state.response, true, state.error] : [undefined, false, undefined];
};
