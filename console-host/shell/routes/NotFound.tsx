/** 404 page. */
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EmptyState, EmptyStateBody, EmptyStateFooter, PageSection } from '@patternfly/react-core';

export const NotFound = () => {
  const { t } = useTranslation('console-host');
  return (
    <PageSection hasBodyWrapper={false}>
      <EmptyState headingLevel="h1" titleText={t('404: Page Not Found')}>
        <EmptyStateBody>{t("We couldn't find that page.")}</EmptyStateBody>
        <EmptyStateFooter>
          <Link to="/">{t('Go to the home page')}</Link>
        </EmptyStateFooter>
      </EmptyState>
    </PageSection>
  );
};
