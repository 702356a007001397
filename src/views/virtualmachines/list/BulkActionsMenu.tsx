import type { FC } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dropdown, DropdownItem, DropdownList, MenuToggle } from '@patternfly/react-core';
import { useOverlay } from '@openshift-console/dynamic-plugin-sdk';
import type { VMBulkActionId } from '../../../utils/vmActionRules';
import { VM_BULK_ACTION_IDS } from '../../../utils/vmActionRules';
import { planBulkAction } from '../../../utils/vmList/bulk';
import type { VMListEntry } from '../../../utils/vmList/entries';
import BulkActionModal, { type BulkActionModalProps } from './BulkActionModal';

type BulkActionsMenuProps = {
  selected: VMListEntry[];
  onDone: () => void;
};

/** The toolbar's Actions menu for the selected VMs; each item says to how many it applies. */
const BulkActionsMenu: FC<BulkActionsMenuProps> = ({ selected, onDone }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const [open, setOpen] = useState(false);
  const launch = useOverlay();
  const labels: Record<VMBulkActionId, string> = {
    start: t('Start'),
    stop: t('Stop'),
    restart: t('Restart'),
    pause: t('Pause'),
    unpause: t('Unpause'),
    migrate: t('Migrate'),
    delete: t('Delete'),
  };
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
          isDisabled={!selected.length}
        >
          {t('Actions')}
        </MenuToggle>
      )}
    >
      <DropdownList aria-label={t('Actions for the selected VirtualMachines')}>
        {VM_BULK_ACTION_IDS.map((action) => {
          const count = open ? planBulkAction(selected, action).apply.length : 0;
          return (
            <DropdownItem
              key={action}
              isDisabled={!count}
              onClick={() =>
                launch<Omit<BulkActionModalProps, 'closeOverlay'>>(BulkActionModal, {
                  action,
                  actionLabel: labels[action],
                  entries: selected,
                  onDone,
                })
              }
            >
              {t('{{action}} ({{count}})', { action: labels[action], count })}
            </DropdownItem>
          );
        })}
      </DropdownList>
    </Dropdown>
  );
};

export default BulkActionsMenu;
