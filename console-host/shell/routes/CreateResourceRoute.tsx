/**
 * `/k8s/ns/:ns/:ref/~new`, `/k8s/cluster/:ref/~new`: "Create with YAML" from the kind's
 * `console.yaml-template` (or a skeleton) in ResourceYAMLEditor; errors stay inline with the text.
 */
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  isYAMLTemplate,
  type YAMLTemplate,
} from '@openshift-console/dynamic-plugin-sdk/lib/extensions';
import { useResolvedExtensions } from '../../sdk/hooks/useResolvedExtensions';
import { ResourceYAMLEditor } from '../../sdk/components/ResourceYAMLEditor';
import { DocumentTitle } from '../../sdk/components/DocumentTitle';
import { Loading } from '../app/Loading';
import { initialObject, templateForModel } from '../create/yamlTemplate';
import { NotFound } from './NotFound';
import { useRouteModel } from './useRouteModel';

export const CreateResourceRoute = () => {
  const { t } = useTranslation('console-host');
  const { ns } = useParams();
  const { model, loaded } = useRouteModel();
  const [templates, templatesLoaded] = useResolvedExtensions<YAMLTemplate>(isYAMLTemplate);
  if (!model) return loaded ? <NotFound /> : <Loading />;
  if (!templatesLoaded) return <Loading />;
  const extension = templateForModel(templates, model);
  const obj = initialObject(
    extension?.properties.template,
    model,
    model.namespaced ? ns : undefined,
  );
  const kind = model.labelKey ? t(model.labelKey) : model.label;
  return (
    <>
      <DocumentTitle>{t('Create {{kind}}', { kind })}</DocumentTitle>
      <ResourceYAMLEditor
        // A template gated by a flag can arrive after the skeleton: start again from it.
        key={`${model.kind}:${ns ?? ''}:${extension?.uid ?? ''}`}
        initialResource={obj}
        header={t('Create {{kind}}', { kind })}
        create
      />
    </>
  );
};
