/** Alerts for plugins that failed to load (the console shows these in its notification drawer). */
import { useTranslation } from 'react-i18next';
import { Alert, PageSection } from '@patternfly/react-core';
import { usePluginInfo } from '@openshift/dynamic-plugin-sdk';

export const PluginErrors = () => {
  const { t } = useTranslation('console-host');
  const failed = usePluginInfo().filter((p) => p.status === 'failed');
  if (!failed.length) return null;
  return (
    <PageSection hasBodyWrapper={false} padding={{ default: 'noPadding' }}>
      {failed.map((p) =>
        p.status === 'failed' ? (
          <Alert
            key={p.manifest.name}
            variant="danger"
            isInline
            title={t('Plugin {{name}} failed to load', { name: p.manifest.name })}
          >
            {p.errorMessage}
            {p.errorCause instanceof Error ? ` (${p.errorCause.message})` : ''}
          </Alert>
        ) : null,
      )}
    </PageSection>
  );
};
