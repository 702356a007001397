import type { FC } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Dropdown,
  DropdownItem,
  DropdownList,
  MenuToggle,
  MenuToggleCheckbox,
} from '@patternfly/react-core';

type BulkSelectProps = {
  selectedCount: number;
  shownCount: number;
  /** Whether every shown row is selected. */
  allShownSelected: boolean;
  onSelectShown: () => void;
  onSelectNone: () => void;
};

/** PatternFly's bulk select: a checkbox for all shown rows, a menu for none or all. */
const BulkSelect: FC<BulkSelectProps> = ({
  selectedCount,
  shownCount,
  allShownSelected,
  onSelectShown,
  onSelectNone,
}) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const [open, setOpen] = useState(false);
  const checked = allShownSelected && selectedCount > 0 ? true : selectedCount ? null : false;
  return (
    <Dropdown
      isOpen={open}
      onOpenChange={setOpen}
      onSelect={() => setOpen(false)}
      toggle={(ref) => (
        <MenuToggle
          ref={ref}
          onClick={() => setOpen(!open)}
          isExpanded={open}
          aria-label={t('Bulk selection')}
          splitButtonItems={[
            <MenuToggleCheckbox
              key="select"
              id="vm-bulk-select"
              aria-label={t('Select all shown VirtualMachines')}
              isChecked={checked}
              onChange={(value) => (value ? onSelectShown() : onSelectNone())}
            >
              {selectedCount ? t('{{count}} selected', { count: selectedCount }) : undefined}
            </MenuToggleCheckbox>,
          ]}
        />
      )}
    >
      <DropdownList>
        <DropdownItem key="none" onClick={onSelectNone}>
          {t('Select none')}
        </DropdownItem>
        <DropdownItem key="shown" onClick={onSelectShown}>
          {t('Select all shown ({{count}})', { count: shownCount })}
        </DropdownItem>
      </DropdownList>
    </Dropdown>
  );
};

export default BulkSelect;
