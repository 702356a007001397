import type { FC } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Divider,
  Dropdown,
  DropdownGroup,
  DropdownItem,
  DropdownList,
  MenuToggle,
} from '@patternfly/react-core';
import { useOverlay, useUserSettings } from '@openshift-console/dynamic-plugin-sdk';
import type { KeyCombo } from '../../../utils/consoleKeys';
import { SEND_KEY_COMBOS, isKeyComboIssue, parseKeyCombo } from '../../../utils/consoleKeys';
import KeyCombosModal from './KeyCombosModal';

/** The user's own combinations (their spelling), kept with the user's console settings. */
const KEY_COMBOS_SETTING = 'virt-console-plugin.vnc.keyCombinations';
const NONE: string[] = [];

/** Props of the Send key menu. */
export type SendKeyMenuProps = {
  /** Sends the chosen combination to the guest. */
  onSend: (combo: KeyCombo) => void;
  /** Disabled while the console is not connected. */
  isDisabled?: boolean;
};

/**
 * A menu of key combinations the browser would keep for itself (Ctrl+Alt+Del, Ctrl+Alt+Fn, ...),
 * then the user's own, which follow the user to every VM and browser.
 */
const SendKeyMenu: FC<SendKeyMenuProps> = ({ onSend, isDisabled }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const [open, setOpen] = useState(false);
  const launchModal = useOverlay();
  const [saved, setSaved] = useUserSettings<string[]>(KEY_COMBOS_SETTING, NONE, true);
  const own = (saved ?? NONE).map(parseKeyCombo).filter((c): c is KeyCombo => !isKeyComboIssue(c));
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
      <Divider component="li" />
      <DropdownGroup label={t('Your key combinations')} labelHeadingLevel="h3">
        <DropdownList>
          {own.map((combo) => (
            <DropdownItem key={combo.id} value={combo.id} onClick={() => onSend(combo)}>
              {combo.label}
            </DropdownItem>
          ))}
          <DropdownItem
            value="manage"
            onClick={() =>
              launchModal(KeyCombosModal, {
                combos: saved ?? NONE,
                onChange: (combos: string[]) => setSaved(combos),
              })
            }
          >
            {t('Manage key combinations...')}
          </DropdownItem>
        </DropdownList>
      </DropdownGroup>
    </Dropdown>
  );
};

export default SendKeyMenu;
