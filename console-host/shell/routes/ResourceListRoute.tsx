/** `/k8s/ns/:ns/:ref`, `/k8s/all-namespaces/:ref`, `/k8s/cluster/:ref`: the plugin's list page or the generic one. */
import { useParams } from 'react-router';
import { useExtensions, type CodeRef } from '@openshift/dynamic-plugin-sdk';
import { isResourceListPage } from '@openshift-console/dynamic-plugin-sdk/lib/extensions';
import { referenceForModel } from '../../sdk/k8s/ref';
import { Loading } from '../app/Loading';
import { NotFound } from './NotFound';
import { GenericList } from './generic/GenericList';
import { PluginPage } from './PluginPage';
import { pageForModel } from './resourcePages';
import { useRouteModel } from './useRouteModel';

export const ResourceListRoute = () => {
  const { ns } = useParams();
  const { model, loaded } = useRouteModel();
  const pages = useExtensions(isResourceListPage);
  if (!model) return loaded ? <NotFound /> : <Loading />;
  const namespace = model.namespaced ? ns : undefined;
  const page = pageForModel(pages, model);
  if (page) {
    return (
      <PluginPage
        component={page.properties.component as CodeRef}
        props={{ kind: referenceForModel(model), namespace }}
        resetKey={`${page.uid}:${namespace}`}
      />
    );
  }
  return <GenericList model={model} namespace={namespace} />;
};
