/** The `createAccessReview` check of the ListPageCreate* components: may the user create the kind? */
import type { CreateWithPermissionsProps } from '@openshift-console/dynamic-plugin-sdk';
import { findModel } from '../k8s/models';
import { useDiscovery } from '../k8s/useK8sModels';
import { useAccessReview } from './accessReview';

export type CreateAccessReview = CreateWithPermissionsProps['createAccessReview'];

/**
 * `[allowed, loading]` for `create` on the review's kind (in its namespace when the kind is
 * namespaced). Without a review everything is allowed; an unknown kind is not.
 */
export const useCreateAccess = (review: CreateAccessReview): [boolean, boolean] => {
  const { models, preferred, loaded } = useDiscovery();
  const model = review ? findModel(models, review.groupVersionKind, preferred) : undefined;
  const [allowed, loading] = useAccessReview(
    {
      group: model?.apiGroup ?? '',
      resource: model?.plural,
      verb: 'create',
      namespace: model?.namespaced ? review?.namespace : undefined,
    },
    undefined,
    // No model: do not ask the server about an empty resource (that answer means nothing).
    true,
  );
  if (!review) return [true, false];
  if (!model) return [false, !loaded];
  return [allowed, loading];
};
