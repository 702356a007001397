/** Generic list page for any discovered kind: name, namespace, created, actions; filter; Create. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  K8sModel,
  K8sResourceCommon,
  RowProps,
  TableColumn,
} from '@openshift-console/dynamic-plugin-sdk';
import { getGroupVersionKindForModel } from '@openshift-console/dynamic-plugin-sdk/lib/utils/k8s/k8s-ref';
import ListPageBody from '@openshift-console/dynamic-plugin-sdk/lib/app/components/factory/ListPage/ListPageBody';
import { useK8sWatchResource } from '../../../sdk/k8s/useK8sWatchResources';
import { ListPageHeader } from '../../../sdk/components/ListPageHeader';
import { ListPageFilter } from '../../../sdk/components/ListPageFilter';
import { useListPageFilter } from '../../../sdk/components/useListPageFilter';
import { VirtualizedTable } from '../../../sdk/components/VirtualizedTable';
import { TableData } from '../../../sdk/components/TableData';
import { ResourceLink } from '../../../sdk/components/ResourceLink';
import { Timestamp } from '../../../sdk/components/Timestamp';
import { ListPageCreate } from '../../../sdk/components/ListPageCreate';
import { ResourceActions, useHasResourceActions } from '../../actions/ResourceActions';

type Props = { model: K8sModel; namespace?: string };

const Row = ({
  obj,
  activeColumnIDs,
  rowData,
}: RowProps<K8sResourceCommon, { model: K8sModel }>) => {
  const gvk = getGroupVersionKindForModel(rowData.model);
  return (
    <>
      <TableData id="name" activeColumnIDs={activeColumnIDs}>
        <ResourceLink
          groupVersionKind={gvk}
          name={obj.metadata?.name}
          namespace={obj.metadata?.namespace}
        />
      </TableData>
      <TableData id="namespace" activeColumnIDs={activeColumnIDs}>
        <ResourceLink
          groupVersionKind={{ version: 'v1', kind: 'Namespace' }}
          name={obj.metadata?.namespace}
        />
      </TableData>
      <TableData id="created" activeColumnIDs={activeColumnIDs}>
        <Timestamp timestamp={obj.metadata?.creationTimestamp} />
      </TableData>
      <TableData id="actions" activeColumnIDs={activeColumnIDs} className="pf-v6-c-table__action">
        <ResourceActions model={rowData.model} resource={obj} variant="kebab" />
      </TableData>
    </>
  );
};

export const GenericList = ({ model, namespace }: Props) => {
  const { t } = useTranslation('console-host');
  const [data, loaded, loadError] = useK8sWatchResource<K8sResourceCommon[]>({
    groupVersionKind: getGroupVersionKindForModel(model),
    namespace,
    isList: true,
  });
  const [unfiltered, filtered, onFilterChange] = useListPageFilter(data);
  const hasActions = useHasResourceActions(model);
  const columns = useMemo<TableColumn<K8sResourceCommon>[]>(
    () => [
      { id: 'name', title: t('Name'), sort: 'metadata.name' },
      ...(model.namespaced && !namespace
        ? [{ id: 'namespace', title: t('Namespace'), sort: 'metadata.namespace' }]
        : []),
      { id: 'created', title: t('Created'), sort: 'metadata.creationTimestamp' },
      ...(hasActions
        ? [{ id: 'actions', title: '', props: { className: 'pf-v6-c-table__action' } }]
        : []),
    ],
    [t, model.namespaced, namespace, hasActions],
  );
  const title = model.labelPluralKey ? t(model.labelPluralKey) : model.labelPlural;
  return (
    <>
      <ListPageHeader title={title}>
        <ListPageCreate
          groupVersionKind={getGroupVersionKindForModel(model)}
          createAccessReview={{ groupVersionKind: getGroupVersionKindForModel(model), namespace }}
        >
          {t('Create {{kind}}', { kind: model.labelKey ? t(model.labelKey) : model.label })}
        </ListPageCreate>
      </ListPageHeader>
      <ListPageBody>
        <ListPageFilter data={unfiltered} loaded={loaded} onFilterChange={onFilterChange} />
        <VirtualizedTable<K8sResourceCommon, { model: K8sModel }>
          data={filtered}
          unfilteredData={unfiltered}
          loaded={loaded}
          loadError={loadError}
          columns={columns}
          Row={Row}
          rowData={{ model }}
          aria-label={title}
        />
      </ListPageBody>
    </>
  );
};
