/**
 * HorizontalNav: PF tabs over `pages`, each a nested route under the current URL (the page's
 * `href`, `''` for the default tab). The selected page gets `{ obj: resource, customData, params }`.
 * `console.tab/horizontalNav` extensions are not merged.
 */
import { useId, type ComponentType } from 'react';
import { Route, Routes, useLocation, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Tab, Tabs, TabTitleText } from '@patternfly/react-core';
import type { HorizontalNavProps, PageComponentProps } from '@openshift-console/dynamic-plugin-sdk';
import { activePageIndex, navBaseURL, pageHref, pageRoutePath } from './horizontalNavLogic';

export const HorizontalNav = ({ resource, pages, customData }: HorizontalNavProps) => {
  const { t } = useTranslation('console-host');
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const params = useParams();
  const panelId = `horizontal-nav-panel-${useId()}`;
  const base = navBaseURL(pathname, params['*']);
  const active = activePageIndex(pages, params['*']);

  return (
    <>
      <Tabs
        activeKey={active}
        onSelect={(_e, key) => {
          const page = pages[Number(key)];
          if (page) navigate(pageHref(base, page));
        }}
        aria-label={t('Resource tabs')}
        className="co-horizontal-nav pf-v6-u-px-lg"
      >
        {pages.map((page, i) => (
          <Tab
            key={`${page.name}-${i}`}
            eventKey={i}
            tabContentId={panelId}
            title={<TabTitleText>{page.name}</TabTitleText>}
            data-test-id={`horizontal-link-${page.name}`}
          />
        ))}
      </Tabs>
      {/* The routed content is the panel every tab controls (the URL picks what it shows). */}
      <div id={panelId} role="tabpanel" aria-label={pages[active]?.name}>
        <Routes>
          {pages.map((page, i) => {
            const Page = page.component as ComponentType<PageComponentProps>;
            return (
              <Route
                key={`${page.name}-${i}`}
                path={pageRoutePath(page)}
                element={<Page obj={resource} customData={customData} params={params} />}
              />
            );
          })}
        </Routes>
      </div>
    </>
  );
};
