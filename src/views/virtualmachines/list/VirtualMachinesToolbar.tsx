import type { FC } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button,
  Toolbar,
  ToolbarContent,
  ToolbarFilter,
  ToolbarGroup,
  ToolbarItem,
} from '@patternfly/react-core';
import { ColumnsIcon, ExportIcon } from '@patternfly/react-icons';
import type { FacetOption, VMFacet, VMListFilters } from '../../../utils/vmList/filters';
import { VM_FACETS } from '../../../utils/vmList/filters';
import type { VMListEntry } from '../../../utils/vmList/entries';
import { selectableEntries } from '../../../utils/vmList/bulk';
import BulkActionsMenu from './BulkActionsMenu';
import BulkSelect from './BulkSelect';
import FacetFilterMenu from './FacetFilterMenu';
import SavedViewsMenu from './SavedViewsMenu';
import VMSearch from './VMSearch';

type VirtualMachinesToolbarProps = {
  filters: VMListFilters;
  options: Record<VMFacet, FacetOption[]>;
  allProjects: boolean;
  onFilterChange: <K extends keyof VMListFilters>(filter: K, value: VMListFilters[K]) => void;
  onClearAll: () => void;
  filterQuery: string;
  onApplyView: (query: string) => void;
  shown: VMListEntry[];
  selected: VMListEntry[];
  onSelectShown: () => void;
  onSelectNone: () => void;
  onManageColumns: () => void;
  onExport: () => void;
};

/**
 * The list toolbar: bulk select and actions, the Filter menu with its chips, the search, saved
 * views, column management and CSV export. Every filter lives in the URL (the page's job).
 */
const VirtualMachinesToolbar: FC<VirtualMachinesToolbarProps> = ({
  filters,
  options,
  allProjects,
  onFilterChange,
  onClearAll,
  filterQuery,
  onApplyView,
  shown,
  selected,
  onSelectShown,
  onSelectNone,
  onManageColumns,
  onExport,
}) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const facetTitles: Record<VMFacet, string> = {
    status: t('Status'),
    template: t('Template'),
    os: t('Operating system'),
    instanceType: t('InstanceType'),
    node: t('Node'),
    project: t('Project'),
  };
  const hidden: VMFacet[] = allProjects ? [] : ['project'];
  const selectedKeys = new Set(selected.map((e) => e.key));
  const selectable = selectableEntries(shown);
  const allShownSelected =
    selectable.length > 0 && selectable.every((e) => selectedKeys.has(e.key));

  // One chip group per active filter; the Filter menu itself sits in the first of them.
  const chipGroups: {
    key: keyof VMListFilters;
    title: string;
    labels: string[];
    remove: (label?: string) => void;
  }[] = [
    ...VM_FACETS.filter((f) => !hidden.includes(f)).map((facet) => ({
      key: facet,
      title: facetTitles[facet],
      labels: filters[facet],
      remove: (label?: string) =>
        onFilterChange(facet, label ? filters[facet].filter((v) => v !== label) : []),
    })),
    {
      key: 'name',
      title: t('Name'),
      labels: filters.name ? [filters.name] : [],
      remove: () => onFilterChange('name', ''),
    },
    {
      key: 'labels',
      title: t('Label'),
      labels: filters.labels,
      remove: (label?: string) =>
        onFilterChange('labels', label ? filters.labels.filter((v) => v !== label) : []),
    },
    {
      key: 'ip',
      title: t('IP address'),
      labels: filters.ip ? [filters.ip] : [],
      remove: () => onFilterChange('ip', ''),
    },
  ];

  return (
    <Toolbar clearAllFilters={onClearAll} clearFiltersButtonText={t('Clear all filters')}>
      <ToolbarContent>
        <ToolbarGroup>
          <ToolbarItem>
            <BulkSelect
              selectedCount={selected.length}
              shownCount={selectable.length}
              allShownSelected={allShownSelected}
              onSelectShown={onSelectShown}
              onSelectNone={onSelectNone}
            />
          </ToolbarItem>
          <ToolbarItem>
            <BulkActionsMenu selected={selected} onDone={onSelectNone} />
          </ToolbarItem>
        </ToolbarGroup>
        <ToolbarGroup variant="filter-group">
          {chipGroups.map((group, index) => (
            <ToolbarFilter
              key={group.key}
              categoryName={group.title}
              labels={group.labels}
              deleteLabel={(_category, label) => group.remove(String(label))}
              deleteLabelGroup={() => group.remove()}
            >
              {index === 0 ? (
                <FacetFilterMenu
                  filters={filters}
                  options={options}
                  facetTitles={facetTitles}
                  hidden={hidden}
                  onChange={(facet, values) => onFilterChange(facet, values)}
                />
              ) : null}
            </ToolbarFilter>
          ))}
          <ToolbarItem>
            <VMSearch
              filters={filters}
              onNameChange={(name) => onFilterChange('name', name)}
              onIPChange={(ip) => onFilterChange('ip', ip)}
              onAddLabel={(term) =>
                onFilterChange('labels', [...filters.labels.filter((l) => l !== term), term])
              }
            />
          </ToolbarItem>
        </ToolbarGroup>
        <ToolbarGroup>
          <ToolbarItem>
            <SavedViewsMenu currentQuery={filterQuery} onApply={onApplyView} />
          </ToolbarItem>
          <ToolbarItem>
            <Button
              variant="plain"
              icon={<ColumnsIcon />}
              aria-label={t('Manage columns')}
              onClick={onManageColumns}
            />
          </ToolbarItem>
          <ToolbarItem>
            <Button
              variant="plain"
              icon={<ExportIcon />}
              aria-label={t('Export to CSV')}
              onClick={onExport}
              isDisabled={!shown.length}
            />
          </ToolbarItem>
        </ToolbarGroup>
      </ToolbarContent>
    </Toolbar>
  );
};

export default VirtualMachinesToolbar;
