import type { FC } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Badge,
  MenuToggle,
  Select,
  SelectGroup,
  SelectList,
  SelectOption,
} from '@patternfly/react-core';
import { FilterIcon } from '@patternfly/react-icons';
import type { FacetOption, VMFacet, VMListFilters } from '../../../utils/vmList/filters';
import { VM_FACETS } from '../../../utils/vmList/filters';

type FacetFilterMenuProps = {
  filters: VMListFilters;
  options: Record<VMFacet, FacetOption[]>;
  facetTitles: Record<VMFacet, string>;
  /** Facets not offered (Project in a single project). */
  hidden?: readonly VMFacet[];
  onChange: (facet: VMFacet, values: string[]) => void;
};

const SEPARATOR = '\u0000';

/**
 * The Filter menu: one group per facet with the values present in the list and their counts.
 * Choices toggle and the menu stays open, as in the console.
 */
const FacetFilterMenu: FC<FacetFilterMenuProps> = ({
  filters,
  options,
  facetTitles,
  hidden = [],
  onChange,
}) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const [open, setOpen] = useState(false);
  const facets = VM_FACETS.filter((f) => !hidden.includes(f) && options[f].length);
  const active = facets.reduce((n, f) => n + filters[f].length, 0);
  return (
    <Select
      role="menu"
      isOpen={open}
      onOpenChange={setOpen}
      onSelect={(_e, value) => {
        const [facet, option] = String(value).split(SEPARATOR) as [VMFacet, string];
        const current = filters[facet];
        onChange(
          facet,
          current.includes(option) ? current.filter((v) => v !== option) : [...current, option],
        );
      }}
      toggle={(ref) => (
        <MenuToggle
          ref={ref}
          onClick={() => setOpen(!open)}
          isExpanded={open}
          icon={<FilterIcon />}
          aria-label={t('Filter')}
        >
          {t('Filter')}
          {active > 0 && <Badge isRead>{active}</Badge>}
        </MenuToggle>
      )}
      maxMenuHeight="60vh"
      isScrollable
    >
      {facets.map((facet) => (
        <SelectGroup key={facet} label={facetTitles[facet]}>
          <SelectList aria-label={facetTitles[facet]}>
            {options[facet].map(({ value, count }) => (
              <SelectOption
                key={value}
                value={`${facet}${SEPARATOR}${value}`}
                hasCheckbox
                isSelected={filters[facet].includes(value)}
              >
                {value} <Badge isRead>{count}</Badge>
              </SelectOption>
            ))}
          </SelectList>
        </SelectGroup>
      ))}
    </Select>
  );
};

export default FacetFilterMenu;
