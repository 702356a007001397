/** ListPageCreate / ListPageCreateLink: the list page's Create link, shown only when `create` is allowed. */
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '@patternfly/react-core';
import type {
  CreateWithPermissionsProps,
  ListPageCreateLinkProps,
  ListPageCreateProps,
} from '@openshift-console/dynamic-plugin-sdk';
import { useAccessReview } from '../hooks/accessReview';
import { useActiveNamespace } from '../hooks/useActiveNamespace';
import { useDiscovery } from '../k8s/useK8sModels';
import { findModel } from '../k8s/models';
import { resourceCreatePath } from '../k8s/ref';

type Review = NonNullable<CreateWithPermissionsProps['createAccessReview']>;

/** Renders children only when the create review allows it (nothing while it runs). */
const RequireCreate = ({ review, children }: { review: Review; children: ReactNode }) => {
  const { models, preferred } = useDiscovery();
  const model = findModel(models, review.groupVersionKind, preferred);
  const [allowed, loading] = useAccessReview({
    group: model?.apiGroup,
    resource: model?.plural,
    verb: 'create',
    namespace: model?.namespaced ? review.namespace : undefined,
  });
  return model && allowed && !loading ? <>{children}</> : null;
};

export const ListPageCreateLink = ({ to, createAccessReview, children }: ListPageCreateLinkProps) => {
  const link = (
    <Button variant="primary" component={(props) => <Link {...props} to={to} />} data-test="item-create">
      {children}
    </Button>
  );
  return createAccessReview ? <RequireCreate review={createAccessReview}>{link}</RequireCreate> : link;
};

export const ListPageCreate = ({
  groupVersionKind,
  createAccessReview,
  children,
}: ListPageCreateProps) => {
  const { t } = useTranslation('console-host');
  const [namespace] = useActiveNamespace();
  const { models, preferred } = useDiscovery();
  const model = findModel(models, groupVersionKind, preferred);
  if (!model) return null;
  return (
    <ListPageCreateLink
      to={resourceCreatePath(model, namespace)}
      createAccessReview={createAccessReview}
    >
      {children ?? t('Create')}
    </ListPageCreateLink>
  );
};
