/** checkAccess / useAccessReview: real SelfSubjectAccessReviews, cached for a minute per question. */
import { useEffect, useState } from 'react';
import type {
  AccessReviewResourceAttributes,
  SelfSubjectAccessReviewKind,
} from '@openshift-console/dynamic-plugin-sdk';
import { consoleFetchJSON } from '../k8s/fetch';
import { K8S_PREFIX } from '../k8s/url';

const TTL_MS = 60000;
const cache = new Map<string, { at: number; review: Promise<SelfSubjectAccessReviewKind> }>();

export const checkAccess = (
  resourceAttributes: AccessReviewResourceAttributes,
): Promise<SelfSubjectAccessReviewKind> => {
  const attrs = { ...resourceAttributes, namespace: resourceAttributes.namespace || undefined };
  if (attrs.namespace === '#ALL_NS#') attrs.namespace = undefined;
  const key = JSON.stringify(attrs);
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.review;
  const review = consoleFetchJSON.post(
    `${K8S_PREFIX}/apis/authorization.k8s.io/v1/selfsubjectaccessreviews`,
    {
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SelfSubjectAccessReview',
      spec: { resourceAttributes: attrs },
    },
  ) as Promise<SelfSubjectAccessReviewKind>;
  cache.set(key, { at: Date.now(), review });
  review.catch(() => cache.delete(key));
  return review;
};

/** `[allowed, loading]`; fails closed when the review itself fails. */
export const useAccessReview = (
  resourceAttributes: AccessReviewResourceAttributes,
  _impersonate?: unknown,
  noCheckForEmptyGroupAndResource?: boolean,
): [boolean, boolean] => {
  const key = JSON.stringify(resourceAttributes);
  const [result, setResult] = useState<{ key: string; allowed: boolean } | undefined>();
  useEffect(() => {
    const attrs = JSON.parse(key) as AccessReviewResourceAttributes;
    if (noCheckForEmptyGroupAndResource && !attrs.group && !attrs.resource) {
      setResult({ key, allowed: false });
      return;
    }
    let live = true;
    checkAccess(attrs).then(
      (r) => live && setResult({ key, allowed: !!r.status?.allowed }),
      () => live && setResult({ key, allowed: false }),
    );
    return () => {
      live = false;
    };
  }, [key, noCheckForEmptyGroupAndResource]);
  return result?.key === key ? [result.allowed, false] : [false, true];
};

export const useAccessReviewAllowed = (
  resourceAttributes: AccessReviewResourceAttributes,
  impersonate?: unknown,
): boolean => useAccessReview(resourceAttributes, impersonate)[0];
