/**
 * ListPageCreateButton / ListPageCreateDropdown: a list page's primary create control, hidden
 * unless `createAccessReview` (when given) allows `create` on its kind.
 */
import { useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button,
  Dropdown,
  DropdownItem,
  DropdownList,
  MenuToggle,
  type MenuToggleElement,
} from '@patternfly/react-core';
import type {
  ListPageCreateButtonProps,
  ListPageCreateDropdownProps,
} from '@openshift-console/dynamic-plugin-sdk';
import { useCreateAccess } from '../hooks/useCreateAccess';

export const ListPageCreateButton = ({
  createAccessReview,
  ...buttonProps
}: ListPageCreateButtonProps) => {
  const [allowed] = useCreateAccess(createAccessReview);
  return allowed ? <Button variant="primary" data-test="item-create" {...buttonProps} /> : null;
};

export const ListPageCreateDropdown = ({
  items,
  onClick,
  createAccessReview,
  children,
}: ListPageCreateDropdownProps) => {
  const { t } = useTranslation('console-host');
  const [allowed] = useCreateAccess(createAccessReview);
  const [open, setOpen] = useState(false);
  if (!allowed) return null;
  return (
    <Dropdown
      isOpen={open}
      onOpenChange={setOpen}
      onSelect={(_e, key) => {
        setOpen(false);
        if (key !== undefined) onClick(String(key));
      }}
      popperProps={{ position: 'right' }}
      toggle={(ref: Ref<MenuToggleElement>) => (
        <MenuToggle
          ref={ref}
          variant="primary"
          isExpanded={open}
          onClick={() => setOpen((o) => !o)}
          data-test="item-create"
        >
          {children ?? t('Create')}
        </MenuToggle>
      )}
    >
      <DropdownList>
        {Object.entries(items).map(([key, label]) => (
          <DropdownItem key={key} value={key} data-test-dropdown-menu={key}>
            {label}
          </DropdownItem>
        ))}
      </DropdownList>
    </Dropdown>
  );
};
