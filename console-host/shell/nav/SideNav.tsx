/** The sidebar: perspective switcher, then the active perspective's console.navigation/* extensions. */
import { useMemo } from 'react';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Divider, Nav, NavExpandable, NavItem, NavList } from '@patternfly/react-core';
import { useExtensions } from '@openshift/dynamic-plugin-sdk';
import { isNavExtension } from '@openshift-console/dynamic-plugin-sdk/lib/extensions';
import { useActiveNamespace } from '../../sdk/hooks/useActiveNamespace';
import { useActivePerspective } from '../../sdk/hooks/useActivePerspective';
import { PerspectiveSwitcher } from '../perspectives/PerspectiveSwitcher';
import { useDiscovery } from '../../sdk/k8s/useK8sModels';
import { findModel } from '../../sdk/k8s/models';
import { translateString } from '../translate';
import { buildNav, isActive, type NavExtensionLike, type NavLink, type NavNode } from './navModel';

/** i18n namespaces named by `%ns~key%` strings, so they load before the nav renders. */
const namespacesOf = (extensions: NavExtensionLike[]): string[] => [
  ...new Set(
    extensions
      .map((e) => /^%([^~%]+)~/.exec(e.properties.name ?? '')?.[1])
      .filter((ns): ns is string => !!ns),
  ),
];

const LinkItem = ({ link, pathname }: { link: NavLink; pathname: string }) => (
  <NavItem isActive={isActive(link, pathname)} data-test-id={link.id} {...link.dataAttributes}>
    <Link to={link.href}>{link.name}</Link>
  </NavItem>
);

export const SideNav = () => {
  const extensions = useExtensions(isNavExtension) as unknown as NavExtensionLike[];
  const { t } = useTranslation(['console-host', ...namespacesOf(extensions)]);
  const { pathname } = useLocation();
  const [namespace] = useActiveNamespace();
  const [perspective] = useActivePerspective();
  const { models, preferred } = useDiscovery();
  const nodes = useMemo<NavNode[]>(
    () =>
      buildNav(
        extensions,
        { namespace, perspective, findModel: (m) => findModel(models, m, preferred) },
        (p, model) =>
          p.name
            ? translateString(p.name, t)
            : model?.labelPluralKey
              ? t(model.labelPluralKey)
              : (model?.labelPlural ?? p.id),
      ),
    [extensions, namespace, perspective, models, preferred, t],
  );
  return (
    <>
      <PerspectiveSwitcher />
      <Nav aria-label={t('Main navigation')}>
        <NavList>
          {nodes.map((node) => {
            if (node.kind === 'separator') return <Divider key={node.id} component="li" />;
            if (node.kind === 'link')
              return <LinkItem key={node.id} link={node} pathname={pathname} />;
            const active = node.items.some((i) => i.kind === 'link' && isActive(i, pathname));
            return (
              <NavExpandable
                key={node.id}
                title={node.name ? translateString(node.name, t) : ''}
                groupId={node.id}
                isActive={active}
                isExpanded
                data-test-id={`nav-section-${node.id}`}
              >
                {node.items.map((item) =>
                  item.kind === 'separator' ? (
                    <Divider key={item.id} component="li" />
                  ) : (
                    <LinkItem key={item.id} link={item} pathname={pathname} />
                  ),
                )}
              </NavExpandable>
            );
          })}
        </NavList>
      </Nav>
    </>
  );
};
