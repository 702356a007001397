import type { FC } from 'react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Divider,
  Menu,
  MenuContainer,
  MenuContent,
  MenuItem,
  MenuItemAction,
  MenuList,
  MenuToggle,
} from '@patternfly/react-core';
import { TrashIcon } from '@patternfly/react-icons';
import { useOverlay, useUserSettings } from '@openshift-console/dynamic-plugin-sdk';
import { SAVED_VIEWS_SETTING, type SavedView } from './savedViews';
import SaveViewModal, { type SaveViewModalProps } from './SaveViewModal';

type SavedViewsMenuProps = {
  /** The filter part of the current URL query. */
  currentQuery: string;
  onApply: (query: string) => void;
};

const SAVE_ITEM = '\u0000save';
const EMPTY: SavedView[] = [];

/** Saved views: apply one, save the current filters under a name, delete one. */
const SavedViewsMenu: FC<SavedViewsMenuProps> = ({ currentQuery, onApply }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const [open, setOpen] = useState(false);
  const [views, setViews] = useUserSettings<SavedView[]>(SAVED_VIEWS_SETTING, EMPTY, true);
  const launch = useOverlay();
  const list = views ?? EMPTY;
  const toggleRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);

  const save = (name: string) =>
    setViews((prev) => [
      ...(prev ?? EMPTY).filter((v) => v.name !== name),
      { name, query: currentQuery },
    ]);

  const menu = (
    <Menu
      ref={menuRef}
      onSelect={(_e, id) => {
        setOpen(false);
        if (id === SAVE_ITEM) {
          launch<Omit<SaveViewModalProps, 'closeOverlay'>>(SaveViewModal, {
            existing: list.map((v) => v.name),
            onSave: save,
          });
          return;
        }
        const view = list.find((v) => v.name === id);
        if (view) onApply(view.query);
      }}
      onActionClick={(_e, id) => setViews((prev) => (prev ?? EMPTY).filter((v) => v.name !== id))}
    >
      <MenuContent>
        <MenuList aria-label={t('Saved views')}>
          {list.map((view) => (
            <MenuItem
              key={view.name}
              itemId={view.name}
              isSelected={view.query === currentQuery}
              actions={
                <MenuItemAction
                  icon={<TrashIcon />}
                  actionId="delete"
                  aria-label={t('Delete view {{name}}', { name: view.name })}
                />
              }
            >
              {view.name}
            </MenuItem>
          ))}
          {list.length > 0 && <Divider component="li" />}
          <MenuItem itemId={SAVE_ITEM} isDisabled={!currentQuery}>
            {t('Save current view...')}
          </MenuItem>
        </MenuList>
      </MenuContent>
    </Menu>
  );

  return (
    <MenuContainer
      isOpen={open}
      onOpenChange={setOpen}
      menu={menu}
      menuRef={menuRef}
      toggleRef={toggleRef}
      toggle={
        <MenuToggle ref={toggleRef} onClick={() => setOpen(!open)} isExpanded={open}>
          {t('Saved views')}
        </MenuToggle>
      }
    />
  );
};

export default SavedViewsMenu;
