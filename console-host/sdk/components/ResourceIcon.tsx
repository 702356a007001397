/** ResourceIcon: the console's kind badge (the model's abbreviation, e.g. "VM"). */
import type { ResourceIconProps } from '@openshift-console/dynamic-plugin-sdk';
import { useK8sModel } from '../k8s/useK8sModels';
import { abbreviation } from '../k8s/discoveryModels';
import { parseReference } from '../k8s/ref';

export const ResourceIcon = ({ groupVersionKind, kind, className }: ResourceIconProps) => {
  const [model] = useK8sModel(groupVersionKind ?? kind);
  const kindName =
    model?.kind ?? groupVersionKind?.kind ?? (kind && parseReference(kind)?.kind) ?? kind ?? '';
  const abbr = model?.abbr ?? abbreviation(kindName);
  return (
    <span
      className={`co-m-resource-icon${className ? ` ${className}` : ''}`}
      title={kindName}
      style={model?.color ? { backgroundColor: model.color } : undefined}
    >
      {abbr}
    </span>
  );
};
