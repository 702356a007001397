/** `/k8s/ns/:ns/:ref/:name/*` and `/k8s/cluster/:ref/:name/*`: the plugin's details page or the generic one. */
import { useParams } from 'react-router';
import { useExtensions, type CodeRef } from '@openshift/dynamic-plugin-sdk';
import { isResourceDetailsPage } from '@openshift-console/dynamic-plugin-sdk/lib/extensions';
import { referenceForModel } from '../../sdk/k8s/ref';
import { Loading } from '../app/Loading';
import { NotFound } from './NotFound';
import { GenericDetails } from './generic/GenericDetails';
import { PluginPage } from './PluginPage';
import { pageForModel } from './resourcePages';
import { useRouteModel } from './useRouteModel';

export const ResourceDetailsRoute = () => {
  const { ns, name = '' } = useParams();
  const { model, loaded } = useRouteModel();
  const pages = useExtensions(isResourceDetailsPage);
  if (!model) return loaded ? <NotFound /> : <Loading />;
  const namespace = model.namespaced ? ns : undefined;
  const page = pageForModel(pages, model);
  if (page) {
    return (
      <PluginPage
        component={page.properties.component as CodeRef}
        props={{ kind: referenceForModel(model), kindObj: model, name, namespace }}
        resetKey={`${page.uid}:${namespace}/${name}`}
      />
    );
  }
  return <GenericDetails model={model} name={name} namespace={namespace} />;
};
