/** ListPageFilter: row-filter menus plus name and label search, mirrored in the URL query. */
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  Badge,
  MenuToggle,
  SearchInput,
  Select,
  SelectList,
  SelectOption,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from '@patternfly/react-core';
import type { ListPageFilterProps, RowFilter } from '@openshift-console/dynamic-plugin-sdk';
import { filtersFromSearch, LABEL_FILTER, NAME_FILTER } from './listFilters';

type RowFilterMenuProps = {
  filter: RowFilter;
  selected: string[];
  onChange: (selected: string[]) => void;
};

const RowFilterMenu = ({ filter, selected, onChange }: RowFilterMenuProps) => {
  const [open, setOpen] = useState(false);
  return (
    <Select
      role="menu"
      isOpen={open}
      onOpenChange={setOpen}
      onSelect={(_e, value) => {
        const id = String(value);
        onChange(selected.includes(id) ? selected.filter((s) => s !== id) : [...selected, id]);
      }}
      toggle={(ref) => (
        <MenuToggle ref={ref} onClick={() => setOpen(!open)} isExpanded={open}>
          {filter.filterGroupName}
          {selected.length > 0 && <Badge isRead>{selected.length}</Badge>}
        </MenuToggle>
      )}
    >
      <SelectList>
        {filter.items.map((item) => (
          <SelectOption
            key={item.id}
            value={item.id}
            hasCheckbox
            isSelected={selected.includes(item.id)}
          >
            {item.title}
          </SelectOption>
        ))}
      </SelectList>
    </Select>
  );
};

export const ListPageFilter = ({
  rowFilters,
  onFilterChange,
  hideNameLabelFilters,
  hideLabelFilter,
  nameFilterPlaceholder,
  labelFilterPlaceholder,
  nameFilter = NAME_FILTER,
}: ListPageFilterProps) => {
  const { t } = useTranslation('console-host');
  const [search] = useSearchParams();
  const filters = filtersFromSearch(search);
  const name = filters[NAME_FILTER]?.selected?.[0] ?? '';
  const labels = (filters[LABEL_FILTER]?.selected ?? []).join(',');
  return (
    <Toolbar>
      <ToolbarContent>
        {rowFilters?.map((rf) => (
          <ToolbarItem key={rf.type}>
            <RowFilterMenu
              filter={rf}
              selected={filters[rf.type]?.selected ?? rf.defaultSelected ?? []}
              onChange={(selected) =>
                onFilterChange(rf.type, { selected, all: rf.items.map((i) => i.id) })
              }
            />
          </ToolbarItem>
        ))}
        {!hideNameLabelFilters && (
          <ToolbarItem>
            <SearchInput
              aria-label={t('Filter by name')}
              placeholder={nameFilterPlaceholder ?? t('Filter by name')}
              value={name}
              onChange={(_e, value) => onFilterChange(nameFilter, { selected: [value] })}
              onClear={() => onFilterChange(nameFilter, { selected: [] })}
            />
          </ToolbarItem>
        )}
        {!hideNameLabelFilters && !hideLabelFilter && (
          <ToolbarItem>
            <SearchInput
              aria-label={t('Filter by label')}
              placeholder={labelFilterPlaceholder ?? t('Filter by label, e.g. app=web')}
              value={labels}
              onChange={(_e, value) =>
                onFilterChange(LABEL_FILTER, { selected: value.split(',').map((s) => s.trim()) })
              }
              onClear={() => onFilterChange(LABEL_FILTER, { selected: [] })}
            />
          </ToolbarItem>
        )}
      </ToolbarContent>
    </Toolbar>
  );
};
