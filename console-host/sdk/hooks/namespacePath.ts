/** The active namespace lives in the URL: `/ns/<ns>/` or `/all-namespaces` (pure helpers). */
import { ALL_NAMESPACES_KEY } from '../k8s/ref';

const NS_SEGMENT = /\/ns\/([^/]+)/;
const ALL_SEGMENT = /\/all-namespaces(?=\/|$)/;

/** The namespace a path is about, `#ALL_NS#` for all-namespaces paths, undefined otherwise. */
export const namespaceFromPath = (pathname: string): string | undefined => {
  const match = NS_SEGMENT.exec(pathname);
  if (match) return decodeURIComponent(match[1]);
  return ALL_SEGMENT.test(pathname) ? ALL_NAMESPACES_KEY : undefined;
};

/**
 * The same page for another namespace, or undefined when the path has no namespace in it.
 * On a `/k8s/...` details page the result is the list of that kind (as in the console).
 */
export const pathWithNamespace = (pathname: string, ns: string): string | undefined => {
  const segment = ns === ALL_NAMESPACES_KEY ? '/all-namespaces' : `/ns/${encodeURIComponent(ns)}`;
  let next: string;
  if (NS_SEGMENT.test(pathname)) next = pathname.replace(NS_SEGMENT, segment);
  else if (ALL_SEGMENT.test(pathname)) next = pathname.replace(ALL_SEGMENT, segment);
  else return undefined;
  const k8s = /^(\/k8s\/(?:ns\/[^/]+|all-namespaces)\/[^/]+)\/.+$/.exec(next);
  return k8s ? k8s[1] : next;
};
