/** The discovered models: `/api`, `/api/v1`, `/apis`, `/apis/<g>/<v>`, loaded once per page. */
import { consoleFetchJSON } from './fetch';
import { modelsFromResourceList, type APIGroup, type APIResourceList } from './discoveryModels';
import { referenceForModel, type ModelMap, type PreferredVersions } from './models';
import { K8S_PREFIX } from './url';

export type DiscoveryState = {
  models: ModelMap;
  preferred: PreferredVersions;
  loaded: boolean;
  error?: unknown;
};

let state: DiscoveryState = { models: {}, preferred: {}, loaded: false };
const listeners = new Set<() => void>();
let started: Promise<DiscoveryState> | undefined;

export const getDiscovery = (): DiscoveryState => state;

export const subscribeDiscovery = (listener: () => void): (() => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

const set = (next: DiscoveryState) => {
  state = next;
  listeners.forEach((l) => l());
};

const getJSON = <T>(path: string): Promise<T> =>
  consoleFetchJSON(`${K8S_PREFIX}${path}`) as Promise<T>;

const fetchAll = async (): Promise<DiscoveryState> => {
  const core = await getJSON<{ versions: string[] }>('/api');
  const groups = await getJSON<{ groups: APIGroup[] }>('/apis');
  const preferred: PreferredVersions = { '': core.versions[0] ?? 'v1' };
  const paths = core.versions.map((v) => `/api/${v}`);
  for (const g of groups.groups) {
    preferred[g.name] = g.preferredVersion?.version ?? g.versions[0]?.version;
    paths.push(...g.versions.map((v) => `/apis/${v.groupVersion}`));
  }
  const lists = await Promise.all(
    paths.map((p) => getJSON<APIResourceList>(p).catch(() => undefined)),
  );
  const models: ModelMap = {};
  for (const list of lists) {
    if (!list) continue;
    for (const model of modelsFromResourceList(list)) models[referenceForModel(model)] = model;
  }
  return { models, preferred, loaded: true };
};

/** Starts discovery (once); resolves with the discovered state, retrying on failure. */
export const loadDiscovery = (): Promise<DiscoveryState> => {
  started ??= fetchAll().then(
    (next) => {
      set(next);
      return next;
    },
    (error: unknown) => {
      console.error('API discovery failed', error);
      set({ ...state, loaded: true, error });
      started = undefined;
      return state;
    },
  );
  return started;
};
