/** Generic details page for any discovered kind: Details and YAML tabs, plugin actions, and Delete. */
import { useState } from 'react';
import { Link, Route, Routes, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  Breadcrumb,
  BreadcrumbItem,
  Button,
  Flex,
  PageSection,
  Tab,
  Tabs,
  TabTitleText,
  Title,
} from '@patternfly/react-core';
import type { K8sModel, K8sResourceKind } from '@openshift-console/dynamic-plugin-sdk';
import { getGroupVersionKindForModel } from '@openshift-console/dynamic-plugin-sdk/lib/utils/k8s/k8s-ref';
import { useK8sWatchResource } from '../../../sdk/k8s/useK8sWatchResources';
import { resourceDetailsPath, resourceListPath } from '../../../sdk/k8s/ref';
import { DocumentTitle } from '../../../sdk/components/DocumentTitle';
import { ResourceIcon } from '../../../sdk/components/ResourceIcon';
import { ResourceYAMLEditor } from '../../../sdk/components/ResourceYAMLEditor';
import { Loading } from '../../app/Loading';
import { ResourceActions } from '../../actions/ResourceActions';
import { DeleteModal } from './DeleteModal';
import { MetadataDetails } from './MetadataDetails';

type Props = { model: K8sModel; name: string; namespace?: string };

const PANEL_ID = 'resource-tab-panel';

export const GenericDetails = ({ model, name, namespace }: Props) => {
  const { t } = useTranslation('console-host');
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [deleting, setDeleting] = useState(false);
  const gvk = getGroupVersionKindForModel(model);
  const [obj, loaded, loadError] = useK8sWatchResource<K8sResourceKind>({
    groupVersionKind: gvk,
    name,
    namespace,
  });
  const base = resourceDetailsPath(model, name, namespace);
  const activeTab = pathname.endsWith('/yaml') ? 'yaml' : 'details';
  const kindLabel = model.labelKey ? t(model.labelKey) : model.label;

  return (
    <>
      <DocumentTitle>{`${name} · ${kindLabel}`}</DocumentTitle>
      <PageSection hasBodyWrapper={false}>
        <Breadcrumb className="pf-v6-u-mb-md">
          <BreadcrumbItem
            render={() => <Link to={resourceListPath(model, namespace)}>{model.labelPlural}</Link>}
          />
          <BreadcrumbItem isActive>{t('{{kind}} details', { kind: kindLabel })}</BreadcrumbItem>
        </Breadcrumb>
        <Flex
          justifyContent={{ default: 'justifyContentSpaceBetween' }}
          alignItems={{ default: 'alignItemsCenter' }}
        >
          <Title headingLevel="h1">
            <ResourceIcon groupVersionKind={gvk} /> {name}
          </Title>
          {loaded && (
            <Flex gap={{ default: 'gapSm' }}>
              <ResourceActions model={model} resource={obj} variant="dropdown" />
              <Button variant="secondary" isDanger onClick={() => setDeleting(true)}>
                {t('Delete {{kind}}', { kind: kindLabel })}
              </Button>
            </Flex>
          )}
        </Flex>
      </PageSection>
      <Tabs
        activeKey={activeTab}
        onSelect={(_e, key) => navigate(key === 'yaml' ? `${base}/yaml` : base)}
        aria-label={t('Resource tabs')}
        className="pf-v6-u-px-lg co-resource-tabs"
      >
        <Tab
          eventKey="details"
          tabContentId={PANEL_ID}
          title={<TabTitleText>{t('Details')}</TabTitleText>}
        />
        <Tab
          eventKey="yaml"
          tabContentId={PANEL_ID}
          title={<TabTitleText>{t('YAML')}</TabTitleText>}
        />
      </Tabs>
      {/* The routed content below is the panel both tabs control (the URL picks what it shows). */}
      <div
        id={PANEL_ID}
        role="tabpanel"
        aria-label={activeTab === 'yaml' ? t('YAML') : t('Details')}
      >
        {loadError && !loaded ? (
          <PageSection hasBodyWrapper={false}>
            <Alert variant="danger" isInline title={t('Error loading {{name}}', { name })}>
              {(loadError as Error).message}
            </Alert>
          </PageSection>
        ) : !loaded ? (
          <Loading />
        ) : (
          <Routes>
            <Route path="yaml" element={<ResourceYAMLEditor initialResource={obj} hideHeader />} />
            <Route path="*" element={<MetadataDetails obj={obj} />} />
          </Routes>
        )}
      </div>
      {deleting && <DeleteModal model={model} resource={obj} onClose={() => setDeleting(false)} />}
    </>
  );
};
