/** ResourceLink: kind badge plus a link to the resource's details page in the console URL scheme. */
import { Link } from 'react-router';
import type { ResourceLinkProps } from '@openshift-console/dynamic-plugin-sdk';
import { useK8sModel } from '../k8s/useK8sModels';
import { resourceDetailsPath } from '../k8s/ref';
import { ResourceIcon } from './ResourceIcon';

export const ResourceLink = ({
  groupVersionKind,
  kind,
  name,
  namespace,
  displayName,
  className,
  inline,
  linkTo = true,
  hideIcon,
  title,
  dataTest,
  onClick,
  truncate,
  nameSuffix,
  children,
}: ResourceLinkProps) => {
  const [model] = useK8sModel(groupVersionKind ?? kind);
  if (!name && !displayName) return null;
  const value = displayName || name;
  const path = model && name ? resourceDetailsPath(model, name, namespace) : undefined;
  const classes = [
    'co-resource-item',
    inline && 'co-resource-item--inline',
    truncate && 'co-resource-item--truncate',
    className,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <span className={classes} data-test={dataTest}>
      {!hideIcon && <ResourceIcon groupVersionKind={groupVersionKind} kind={kind} />}
      {linkTo && path ? (
        <Link
          to={path}
          title={title}
          onClick={onClick}
          className="co-resource-item__resource-name"
          data-test-id={value}
        >
          {value}
          {nameSuffix}
        </Link>
      ) : (
        <span className="co-resource-item__resource-name" title={title}>
          {value}
          {nameSuffix}
        </span>
      )}
      {children}
    </span>
  );
};
