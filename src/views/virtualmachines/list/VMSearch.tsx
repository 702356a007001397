import type { FC } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  InputGroup,
  InputGroupItem,
  MenuToggle,
  SearchInput,
  Select,
  SelectList,
  SelectOption,
} from '@patternfly/react-core';
import type { VMListFilters } from '../../../utils/vmList/filters';

type SearchAttribute = 'name' | 'labels' | 'ip';

type VMSearchProps = {
  filters: VMListFilters;
  onNameChange: (name: string) => void;
  onIPChange: (ip: string) => void;
  onAddLabel: (term: string) => void;
};

/**
 * Search by name, label or IP address. Name and IP narrow the list as the user types; a label
 * (`key` or `key=value`) is added as a filter with Enter, so several can be combined.
 */
const VMSearch: FC<VMSearchProps> = ({ filters, onNameChange, onIPChange, onAddLabel }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const [attribute, setAttribute] = useState<SearchAttribute>('name');
  const [open, setOpen] = useState(false);
  const [labelText, setLabelText] = useState('');
  const titles: Record<SearchAttribute, string> = {
    name: t('Name'),
    labels: t('Label'),
    ip: t('IP address'),
  };
  const placeholders: Record<SearchAttribute, string> = {
    name: t('Search by name...'),
    labels: t('Search by label, e.g. app=web'),
    ip: t('Search by IP address...'),
  };
  const value = attribute === 'name' ? filters.name : attribute === 'ip' ? filters.ip : labelText;
  const change = (text: string) => {
    if (attribute === 'name') onNameChange(text);
    else if (attribute === 'ip') onIPChange(text);
    else setLabelText(text);
  };
  return (
    <InputGroup>
      <InputGroupItem>
        <Select
          isOpen={open}
          onOpenChange={setOpen}
          selected={attribute}
          onSelect={(_e, v) => {
            setAttribute(v as SearchAttribute);
            setOpen(false);
          }}
          toggle={(ref) => (
            <MenuToggle
              ref={ref}
              onClick={() => setOpen(!open)}
              isExpanded={open}
              aria-label={t('Search by')}
            >
              {titles[attribute]}
            </MenuToggle>
          )}
        >
          <SelectList>
            {(Object.keys(titles) as SearchAttribute[]).map((key) => (
              <SelectOption key={key} value={key}>
                {titles[key]}
              </SelectOption>
            ))}
          </SelectList>
        </Select>
      </InputGroupItem>
      <InputGroupItem isFill>
        <SearchInput
          aria-label={placeholders[attribute]}
          placeholder={placeholders[attribute]}
          value={value}
          onChange={(_e, text) => change(text)}
          onSearch={(_e, text) => {
            if (attribute !== 'labels' || !text.trim()) return;
            onAddLabel(text.trim());
            setLabelText('');
          }}
          onClear={() => change('')}
        />
      </InputGroupItem>
    </InputGroup>
  );
};

export default VMSearch;
