/** ListPageCreate / ListPageCreateLink: the list page's Create link, shown only when `create` is allowed. */
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '@patternfly/react-core';
import type {
  ListPageCreateLinkProps,
  ListPageCreateProps,
} from '@openshift-console/dynamic-plugin-sdk';
import type { CreateAccessReview } from '../hooks/useCreateAccess';
import { useCreateAccess } from '../hooks/useCreateAccess';
import { useActiveNamespace } from '../hooks/useActiveNamespace';
import { useDiscovery } from '../k8s/useK8sModels';
import { findModel } from '../k8s/models';
import { resourceCreatePath } from '../k8s/ref';

/** Renders children only when the create review allows it (nothing while it runs). */
const RequireCreate = ({
  review,
  children,
}: {
  review: CreateAccessReview;
  children: ReactNode;
}) => {
  const [allowed, loading] = useCreateAccess(review);
  return allowed && !loading ? <>{children}</> : null;
};

export const ListPageCreateLink = ({
  to,
  createAccessReview,
  children,
}: ListPageCreateLinkProps) => {
  const link = (
    <Button
      variant="primary"
      component={(props) => <Link {...props} to={to} />}
      data-test="item-create"
    >
      {children}
    </Button>
  );
  return createAccessReview ? (
    <RequireCreate review={createAccessReview}>{link}</RequireCreate>
  ) : (
    link
  );
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
