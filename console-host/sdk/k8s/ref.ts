/** References to Kubernetes kinds, as the console spells them in URLs: `group~version~Kind` or a core plural. */
import type { K8sGroupVersionKind, K8sModel } from '@openshift-console/dynamic-plugin-sdk';

/** `group~version~Kind`; the core group is spelled `core`. */
export const referenceFor = ({ group, version, kind }: K8sGroupVersionKind): string =>
  [group || 'core', version, kind].join('~');

export const referenceForModel = (model: K8sModel): string =>
  referenceFor({ group: model.apiGroup, version: model.apiVersion, kind: model.kind });

/** Parses `group~version~Kind` (or `core~v1~Pod`); anything else (a plural or a kind) gives undefined. */
export const parseReference = (ref: string): K8sGroupVersionKind | undefined => {
  const parts = ref.split('~');
  if (parts.length !== 3 || parts.some((p) => !p)) return undefined;
  const [group, version, kind] = parts;
  return group === 'core' ? { version, kind } : { group, version, kind };
};

/** The URL segment for a model: the plural for the core group, `group~version~Kind` otherwise. */
export const urlReferenceForModel = (model: K8sModel): string =>
  model.apiGroup ? referenceForModel(model) : model.plural;

export const ALL_NAMESPACES_KEY = '#ALL_NS#';

/** Console URL of a resource list: `/k8s/ns/<ns>/<ref>`, `/k8s/all-namespaces/<ref>` or `/k8s/cluster/<ref>`. */
export const resourceListPath = (model: K8sModel, namespace?: string): string => {
  const ref = urlReferenceForModel(model);
  if (!model.namespaced) return `/k8s/cluster/${ref}`;
  return !namespace || namespace === ALL_NAMESPACES_KEY
    ? `/k8s/all-namespaces/${ref}`
    : `/k8s/ns/${namespace}/${ref}`;
};

/** Console URL of a resource's details page. */
export const resourceDetailsPath = (model: K8sModel, name: string, namespace?: string): string => {
  const ref = urlReferenceForModel(model);
  const encoded = encodeURIComponent(name);
  return model.namespaced && namespace
    ? `/k8s/ns/${namespace}/${ref}/${encoded}`
    : `/k8s/cluster/${ref}/${encoded}`;
};

/** Console URL of a kind's "Create with YAML" page (`default` when no single project is active). */
export const resourceCreatePath = (model: K8sModel, namespace?: string): string => {
  const ref = urlReferenceForModel(model);
  if (!model.namespaced) return `/k8s/cluster/${ref}/~new`;
  const ns = !namespace || namespace === ALL_NAMESPACES_KEY ? 'default' : namespace;
  return `/k8s/ns/${ns}/${ref}/~new`;
};
