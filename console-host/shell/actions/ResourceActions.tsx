/**
 * A resource's actions (context `{ [group~version~Kind]: resource }`, as the console builds it),
 * rendered only when some action provider could apply to the kind.
 */
import { useMemo } from 'react';
import { useExtensions } from '@openshift/dynamic-plugin-sdk';
import {
  isActionProvider,
  isResourceActionProvider,
} from '@openshift-console/dynamic-plugin-sdk/lib/extensions';
import type { K8sModel, K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';
import { ActionServiceProvider } from '../../sdk/actions/ActionServiceProvider';
import { providersForContext, type ProviderLike } from '../../sdk/actions/actionLogic';
import { referenceForModel } from '../../sdk/k8s/ref';
import { ActionMenu } from './ActionMenu';

type Props = { model: K8sModel; resource: K8sResourceCommon; variant: 'kebab' | 'dropdown' };

const isProvider = (e: Parameters<typeof isActionProvider>[0]) =>
  isActionProvider(e) || isResourceActionProvider(e);

/** Whether any action provider applies to the kind (so lists know to add an actions column). */
export const useHasResourceActions = (model: K8sModel): boolean => {
  const providers = useExtensions(isProvider) as unknown as ProviderLike[];
  return providersForContext(providers, { [referenceForModel(model)]: undefined }).length > 0;
};

export const ResourceActions = ({ model, resource, variant }: Props) => {
  const hasActions = useHasResourceActions(model);
  const context = useMemo(() => ({ [referenceForModel(model)]: resource }), [model, resource]);
  if (!hasActions) return null;
  return (
    <ActionServiceProvider context={context}>
      {({ options, loaded }) => <ActionMenu options={options} loaded={loaded} variant={variant} />}
    </ActionServiceProvider>
  );
};
