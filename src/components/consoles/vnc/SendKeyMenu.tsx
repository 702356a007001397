import type { FC } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dropdown, DropdownItem, DropdownList, MenuToggle } from '@patternfly/react-core';
import type { KeyCombo } from '../../../utils/consoleKeys';
import { SEND_KEY_COMBOS } from '../../../utils/consoleKeys';

/** Props of the Send key menu. */
export type SendKeyMenuProps = {
  /** Sends the chosen combination to the guest. */
  onSend: (combo: KeyCombo) => void;
  /** Disabled while the console is not connected. */
  isDisabled?: boolean;
};

/** A menu of key combinations the browser would keep for itself (Ctrl+Alt+Del, Ctrl+Alt+Fn, ...). */
const SendKeyMenu: FC<SendKeyMenuProps> = ({ onSend, isDisabled }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const [open, setOpen] = useState(false);
  return (
    <Dropdown
      isOpen={open}
      onOpenChange={setOpen}
      onSelect={() => setOpen(false)}
      shouldFocusToggleOnSelect
      isScrollable
      toggle={(ref) => (
        <MenuToggle
          ref={ref}
          isExpanded={open}
          isDisabled={isDisabled}
          onClick={() => setOpen((o) => !o)}
        >
          {t('Send key')}
        </MenuToggle>
      )}
    >
      <DropdownList>
        {SEND_KEY_COMBOS.map((combo) => (
          <DropdownItem key={combo.id} value={combo.id} onClick={() => onSend(combo)}>
            {combo.label}
          </DropdownItem>
        ))}
      </DropdownList>
    </Dropdown>
  );
};

export default SendKeyMenu;
