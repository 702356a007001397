/** k8sGet/Create/Update/Patch/Delete/List/ListItems with the SDK's option-object signatures. */
import type { K8sModel, K8sResourceCommon, Patch } from '@openshift-console/dynamic-plugin-sdk';
import { consoleFetchJSON } from './fetch';
import { resourceURL, type QueryParams } from './url';

type Base = { name?: string; ns?: string; path?: string; queryParams?: QueryParams };

export const k8sGet = <R extends K8sResourceCommon>(
  options: Base & { model: K8sModel; requestInit?: RequestInit },
): Promise<R> => {
  const { model, requestInit, ...opts } = options;
  return consoleFetchJSON(resourceURL(model, opts), 'GET', requestInit) as Promise<R>;
};

export const k8sCreate = <R extends K8sResourceCommon>(
  options: Base & { model: K8sModel; data: R },
): Promise<R> => {
  const { model, data, path, queryParams } = options;
  const url = resourceURL(model, { ns: data.metadata?.namespace, path, queryParams });
  return consoleFetchJSON.post(url, data) as Promise<R>;
};

export const k8sUpdate = <R extends K8sResourceCommon>(
  options: Base & { model: K8sModel; data: R },
): Promise<R> => {
  const { model, data, ns, name, path, queryParams } = options;
  const url = resourceURL(model, {
    ns: ns ?? data.metadata?.namespace,
    name: name ?? data.metadata?.name,
    path,
    queryParams,
  });
  return consoleFetchJSON.put(url, data) as Promise<R>;
};

export const k8sPatch = <R extends K8sResourceCommon>(
  options: Base & { model: K8sModel; resource: R; data: Patch[] },
): Promise<R> => {
  const { model, resource, data, path, queryParams } = options;
  const url = resourceURL(model, {
    ns: resource.metadata?.namespace,
    name: resource.metadata?.name,
    path,
    queryParams,
  });
  // Like the console, drop empty entries (callers build patch lists with conditionals).
  return consoleFetchJSON.patch(url, data.filter(Boolean)) as Promise<R>;
};

export const k8sDelete = <R extends K8sResourceCommon>(
  options: Base & {
    model: K8sModel;
    resource: R;
    requestInit?: RequestInit;
    json?: Record<string, unknown>;
  },
): Promise<R> => {
  const { model, resource, path, queryParams, requestInit, json } = options;
  const url = resourceURL(model, {
    ns: resource.metadata?.namespace,
    name: resource.metadata?.name,
    path,
    queryParams,
  });
  const body = json ?? {
    kind: 'DeleteOptions',
    apiVersion: 'v1',
    ...(model.propagationPolicy ? { propagationPolicy: model.propagationPolicy } : {}),
  };
  return consoleFetchJSON.delete(url, body, requestInit) as Promise<R>;
};

type ListOptions = {
  model: K8sModel;
  queryParams: QueryParams & { ns?: string };
  requestInit?: RequestInit;
};
type ListResponse<R> = { items: R[]; metadata: { continue?: string; resourceVersion?: string } };

/** Lists every item, following `continue` tokens in pages of 250. */
export const listAll = async <R extends K8sResourceCommon>(
  url: (continueToken?: string) => string,
  requestInit?: RequestInit,
  singlePage = false,
  onPage?: (itemsSoFar: R[]) => void,
): Promise<{ items: R[]; resourceVersion?: string }> => {
  const items: R[] = [];
  let token: string | undefined;
  let resourceVersion: string | undefined;
  do {
    const page = (await consoleFetchJSON(url(token), 'GET', requestInit)) as ListResponse<R>;
    items.push(...(page.items ?? []));
    token = page.metadata?.continue || undefined;
    resourceVersion = page.metadata?.resourceVersion;
    if (token && !singlePage) onPage?.(items);
  } while (token && !singlePage);
  return { items, resourceVersion };
};

const listURL =
  ({ model, queryParams }: ListOptions) =>
  (token?: string) => {
    const { ns, ...params } = queryParams ?? {};
    return resourceURL(model, {
      ns: typeof ns === 'string' ? ns : undefined,
      queryParams: { limit: '250', ...params, continue: token },
    });
  };

export const k8sListItems = async <R extends K8sResourceCommon>(
  options: ListOptions,
): Promise<R[]> => (await listAll<R>(listURL(options), options.requestInit)).items;

export const k8sList = async <R extends K8sResourceCommon>(
  options: ListOptions,
): Promise<R[] | { items: R[] }> => k8sListItems<R>(options);
