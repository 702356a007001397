/** The landing page: what this console is, and which plugins are loaded. */
import { useTranslation } from 'react-i18next';
import { Content, Label, PageSection, Title } from '@patternfly/react-core';
import { usePluginInfo } from '@openshift/dynamic-plugin-sdk';
import { DocumentTitle } from '../../sdk/components/DocumentTitle';

export const Home = () => {
  const { t } = useTranslation('console-host');
  const plugins = usePluginInfo();
  return (
    <PageSection hasBodyWrapper={false}>
      <DocumentTitle>{t('Home')}</DocumentTitle>
      <Title headingLevel="h1">{t('Virtualization console')}</Title>
      <Content component="p" className="pf-v6-u-mt-md">
        {t('Choose a page in the navigation.')}
      </Content>
      <Title headingLevel="h2" className="pf-v6-u-mt-lg pf-v6-u-mb-sm">
        {t('Plugins')}
      </Title>
      <ul>
        {plugins.map((p) => (
          <li key={p.manifest.name}>
            {p.manifest.name} {p.manifest.version}{' '}
            <Label
              isCompact
              color={p.status === 'loaded' ? 'green' : p.status === 'failed' ? 'red' : 'grey'}
            >
              {p.status === 'loaded'
                ? t('Loaded')
                : p.status === 'failed'
                  ? t('Failed')
                  : t('Pending')}
            </Label>
          </li>
        ))}
      </ul>
    </PageSection>
  );
};
