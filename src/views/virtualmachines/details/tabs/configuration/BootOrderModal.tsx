import type { FC, KeyboardEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button,
  DataList,
  DataListAction,
  DataListCell,
  DataListItem,
  DataListItemCells,
  DataListItemRow,
  EmptyState,
  EmptyStateBody,
  FormGroup,
  FormSelect,
  FormSelectOption,
  Label,
} from '@patternfly/react-core';
import { ArrowDownIcon, ArrowUpIcon, TimesIcon } from '@patternfly/react-icons';
import type { VirtualMachine } from '../../../../../models/types';
import {
  getBootDevices,
  moveItem,
  setBootOrder,
  type BootDevice,
} from '../../../../../utils/vmSpec/details';
import FormModal from '../../../../../components/form/FormModal';
import { patchVM } from './patchVM';

type BootOrderModalProps = {
  /** Removes the modal (passed by `useOverlay`). */
  closeOverlay: () => void;
  /** The VM to edit. */
  vm: VirtualMachine;
};

const keyOf = (d: Pick<BootDevice, 'kind' | 'name'>) => `${d.kind}/${d.name}`;

/**
 * Orders the boot devices: add disks and NICs, move them with the buttons or the arrow keys
 * (on a focused item), remove them; Save numbers them 1..n and clears the others.
 */
const BootOrderModal: FC<BootOrderModalProps> = ({ closeOverlay, vm }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const all = getBootDevices(vm);
  const [chosen, setChosen] = useState<BootDevice[]>(all.filter((d) => d.bootOrder !== undefined));
  const available = all.filter((d) => !chosen.some((c) => keyOf(c) === keyOf(d)));
  const [toAdd, setToAdd] = useState('');

  const move = (index: number, delta: number) => setChosen((list) => moveItem(list, index, delta));
  const onKey = (index: number) => (e: KeyboardEvent) => {
    if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault();
      move(index, e.key === 'ArrowUp' ? -1 : 1);
    }
  };
  const kindLabel = (d: BootDevice) => (d.kind === 'disk' ? t('Disk') : t('Network interface'));

  return (
    <FormModal
      closeOverlay={closeOverlay}
      title={t('Edit boot order')}
      isValid
      onSave={() => patchVM(vm, setBootOrder(chosen))}
    >
      {chosen.length ? (
        <DataList aria-label={t('Boot order')} isCompact>
          {chosen.map((d, index) => (
            <DataListItem key={keyOf(d)} aria-labelledby={`boot-${index}`}>
              <DataListItemRow
                tabIndex={0}
                onKeyDown={onKey(index)}
                aria-label={t('{{position}}. {{name}} (use the arrow keys to move)', {
                  position: index + 1,
                  name: d.name,
                })}
              >
                <DataListItemCells
                  dataListCells={[
                    <DataListCell key="name">
                      <span id={`boot-${index}`}>
                        {index + 1}. {d.name}
                      </span>{' '}
                      <Label isCompact>{kindLabel(d)}</Label>
                    </DataListCell>,
                  ]}
                />
                <DataListAction
                  id={`boot-actions-${index}`}
                  aria-labelledby={`boot-${index} boot-actions-${index}`}
                  aria-label={t('Actions')}
                >
                  <Button
                    variant="plain"
                    icon={<ArrowUpIcon />}
                    aria-label={t('Move up {{name}}', { name: d.name })}
                    isDisabled={index === 0}
                    onClick={() => move(index, -1)}
                  />
                  <Button
                    variant="plain"
                    icon={<ArrowDownIcon />}
                    aria-label={t('Move down {{name}}', { name: d.name })}
                    isDisabled={index === chosen.length - 1}
                    onClick={() => move(index, 1)}
                  />
                  <Button
                    variant="plain"
                    icon={<TimesIcon />}
                    aria-label={t('Remove {{name}}', { name: d.name })}
                    onClick={() => setChosen((list) => list.filter((_, i) => i !== index))}
                  />
                </DataListAction>
              </DataListItemRow>
            </DataListItem>
          ))}
        </DataList>
      ) : (
        <EmptyState titleText={t('No resource selected.')} headingLevel="h4" variant="xs">
          <EmptyStateBody>
            {t(
              'The VirtualMachine tries to boot from the disks in the order they appear in its YAML.',
            )}
          </EmptyStateBody>
        </EmptyState>
      )}
      {available.length > 0 && (
        <FormGroup label={t('Add source')} fieldId="boot-add">
          <FormSelect
            id="boot-add"
            value={toAdd}
            onChange={(_e, value) => {
              const device = available.find((d) => keyOf(d) === value);
              if (device) setChosen((list) => [...list, device]);
              setToAdd('');
            }}
          >
            <FormSelectOption
              value=""
              label={t('Select a disk or network interface')}
              isPlaceholder
            />
            {available.map((d) => (
              <FormSelectOption
                key={keyOf(d)}
                value={keyOf(d)}
                label={`${d.name} (${kindLabel(d)})`}
              />
            ))}
          </FormSelect>
        </FormGroup>
      )}
    </FormModal>
  );
};

export default BootOrderModal;
