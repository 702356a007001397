/** The parts of a Kubernetes API path that route a request. */
export type ApiPath =
  | { type: 'legacyRoot' }
  | { type: 'groupsRoot' }
  | { type: 'group'; group: string }
  | { type: 'groupVersion'; group: string; version: string }
  | {
      type: 'resource';
      group: string;
      version: string;
      namespace?: string;
      plural: string;
      name?: string;
      subresource?: string;
    };

/** Subresources of a namespace, told apart from namespaced collections after /namespaces/<ns>/. */
const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);

const decode = (s: string): string => decodeURIComponent(s);

/** Parses `/api/...` and `/apis/...` paths; anything else is not an API path (undefined). */
export const parseApiPath = (pathname: string): ApiPath | undefined => {
  const parts = pathname.split('/').filter(Boolean).map(decode);
  let group: string;
  let version: string;
  let rest: string[];
  if (parts[0] === 'api') {
    if (parts.length === 1) return { type: 'legacyRoot' };
    group = '';
    version = parts[1];
    rest = parts.slice(2);
  } else if (parts[0] === 'apis') {
    if (parts.length === 1) return { type: 'groupsRoot' };
    if (parts.length === 2) return { type: 'group', group: parts[1] };
    group = parts[1];
    version = parts[2];
    rest = parts.slice(3);
  } else {
    return undefined;
  }
  if (!rest.length) return { type: 'groupVersion', group, version };
  if (
    rest[0] === 'namespaces' &&
    rest.length >= 3 &&
    !(group === '' && rest.length === 3 && NAMESPACE_SUBRESOURCES.has(rest[2]))
  ) {
    const [, namespace, plural, name, ...sub] = rest;
    return {
      type: 'resource',
      group,
      version,
      namespace,
      plural,
      name,
      subresource: sub.length ? sub.join('/') : undefined,
    };
  }
  const [plural, name, ...sub] = rest;
  return {
    type: 'resource',
    group,
    version,
    plural,
    name,
    subresource: sub.length ? sub.join('/') : undefined,
  };
};
