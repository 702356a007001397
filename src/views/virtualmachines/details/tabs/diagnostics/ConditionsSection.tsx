import type { FC } from 'react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  SearchInput,
  Title,
  ToggleGroup,
  ToggleGroupItem,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { Timestamp } from '@openshift-console/dynamic-plugin-sdk';
import {
  filterConditionRows,
  type ConditionCategory,
  type ConditionRow,
} from '../../../../../utils/vmConditions';

const CATEGORIES: ConditionCategory[] = ['VM', 'VMI'];
const STATUSES = ['True', 'False', 'Unknown'];

/** Toggles `value` in a set (a new set, for React state). */
const toggled = <T,>(set: ReadonlySet<T>, value: T): ReadonlySet<T> => {
  const next = new Set(set);
  if (next.has(value)) next.delete(value);
  else next.add(value);
  return next;
};

/** The status conditions of the VM and its instance, filtered by category, status and reason. */
const ConditionsSection: FC<{ rows: ConditionRow[] }> = ({ rows }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const [categories, setCategories] = useState<ReadonlySet<ConditionCategory>>(new Set());
  const [statuses, setStatuses] = useState<ReadonlySet<string>>(new Set());
  const [reason, setReason] = useState('');
  const shown = useMemo(
    () => filterConditionRows(rows, { categories, statuses, reason }),
    [rows, categories, statuses, reason],
  );

  return (
    <>
      <Title headingLevel="h2">{t('Status conditions')}</Title>
      <Toolbar>
        <ToolbarContent>
          <ToolbarItem>
            <ToggleGroup aria-label={t('Filter by category')}>
              {CATEGORIES.map((c) => (
                <ToggleGroupItem
                  key={c}
                  text={c}
                  buttonId={`condition-category-${c}`}
                  isSelected={categories.has(c)}
                  onChange={() => setCategories((s) => toggled(s, c))}
                />
              ))}
            </ToggleGroup>
          </ToolbarItem>
          <ToolbarItem>
            <ToggleGroup aria-label={t('Filter by status')}>
              {STATUSES.map((s) => (
                <ToggleGroupItem
                  key={s}
                  text={s}
                  buttonId={`condition-status-${s}`}
                  isSelected={statuses.has(s)}
                  onChange={() => setStatuses((set) => toggled(set, s))}
                />
              ))}
            </ToggleGroup>
          </ToolbarItem>
          <ToolbarItem>
            <SearchInput
              aria-label={t('Filter by reason')}
              placeholder={t('Filter by reason')}
              value={reason}
              onChange={(_e, value) => setReason(value)}
              onClear={() => setReason('')}
            />
          </ToolbarItem>
        </ToolbarContent>
      </Toolbar>
      <Table aria-label={t('Status conditions')} variant="compact">
        <Thead>
          <Tr>
            <Th>{t('Category')}</Th>
            <Th>{t('Type')}</Th>
            <Th>{t('Status')}</Th>
            <Th>{t('Reason')}</Th>
            <Th>{t('Message')}</Th>
            <Th>{t('Updated')}</Th>
          </Tr>
        </Thead>
        <Tbody>
          {shown.map((c) => (
            <Tr key={`${c.category}-${c.type}`}>
              <Td dataLabel={t('Category')}>{c.category}</Td>
              <Td dataLabel={t('Type')}>{c.type}</Td>
              <Td dataLabel={t('Status')}>{c.status}</Td>
              <Td dataLabel={t('Reason')}>{c.reason ?? '–'}</Td>
              <Td dataLabel={t('Message')}>{c.message ?? '–'}</Td>
              <Td dataLabel={t('Updated')}>
                <Timestamp timestamp={c.lastTransitionTime} />
              </Td>
            </Tr>
          ))}
          {shown.length === 0 && (
            <Tr>
              <Td colSpan={6}>
                {rows.length ? t('No conditions match the filter.') : t('No conditions')}
              </Td>
            </Tr>
          )}
        </Tbody>
      </Table>
    </>
  );
};

export default ConditionsSection;
