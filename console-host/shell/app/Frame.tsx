/** The console frame: masthead, sidebar nav, namespace bar, and the routed page. */
import { Suspense } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page, PageSidebar, PageSidebarBody, SkipToContent } from '@patternfly/react-core';
import { NamespaceBarView, usePluginNamespaceBarShown } from '../../sdk/components/NamespaceBar';
import { namespaceFromPath } from '../../sdk/hooks/namespacePath';
import { SideNav } from '../nav/SideNav';
import { usePluginRoutes } from '../routes/pluginRoutes';
import { ResourceListRoute } from '../routes/ResourceListRoute';
import { ResourceDetailsRoute } from '../routes/ResourceDetailsRoute';
import { CreateResourceRoute } from '../routes/CreateResourceRoute';
import { Home } from '../routes/Home';
import { NotFound } from '../routes/NotFound';
import { AppMasthead } from './Masthead';
import { ErrorBoundary } from './ErrorBoundary';
import { Loading } from './Loading';
import { PluginErrors } from './PluginErrors';

const MAIN_ID = 'content-main';

export const Frame = () => {
  const { t } = useTranslation('console-host');
  const { pathname } = useLocation();
  const pluginRoutes = usePluginRoutes();
  const pluginBar = usePluginNamespaceBarShown();
  const showBar = !pluginBar && namespaceFromPath(pathname) !== undefined;
  return (
    <Page
      masthead={<AppMasthead />}
      sidebar={
        <PageSidebar>
          <PageSidebarBody>
            <Suspense fallback={null}>
              <SideNav />
            </Suspense>
          </PageSidebarBody>
        </PageSidebar>
      }
      isManagedSidebar
      skipToContent={<SkipToContent href={`#${MAIN_ID}`}>{t('Skip to content')}</SkipToContent>}
      mainContainerId={MAIN_ID}
    >
      {showBar && <NamespaceBarView />}
      <PluginErrors />
      <ErrorBoundary resetKey={pathname}>
        <Suspense fallback={<Loading />}>
          <Routes>
            {pluginRoutes}
            <Route path="/" element={<Home />} />
            <Route path="/k8s/ns/:ns/:ref" element={<ResourceListRoute />} />
            <Route path="/k8s/all-namespaces/:ref" element={<ResourceListRoute />} />
            <Route path="/k8s/cluster/:ref" element={<ResourceListRoute />} />
            <Route path="/k8s/ns/:ns/:ref/~new" element={<CreateResourceRoute />} />
            <Route path="/k8s/cluster/:ref/~new" element={<CreateResourceRoute />} />
            <Route path="/k8s/ns/:ns/:ref/:name/*" element={<ResourceDetailsRoute />} />
            <Route path="/k8s/cluster/:ref/:name/*" element={<ResourceDetailsRoute />} />
            <Route path="/k8s/all-namespaces/:ref/:name/*" element={<Navigate to="/" replace />} />
            <Route path="*" element={<NotFound />} />
          </Routes>
        </Suspense>
      </ErrorBoundary>
    </Page>
  );
};
