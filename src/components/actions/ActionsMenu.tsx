import type { FC, Ref } from 'react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Action } from '@openshift-console/dynamic-plugin-sdk';
import { useAccessReview } from '@openshift-console/dynamic-plugin-sdk';
import {
  Dropdown,
  DropdownItem,
  DropdownList,
  MenuToggle,
  type MenuToggleElement,
} from '@patternfly/react-core';
import { EllipsisVIcon } from '@patternfly/react-icons';

type ActionsMenuProps = {
  /** The actions, in menu order. */
  actions: Action[];
  /** A kebab for table rows, a labelled "Actions" toggle for page headers. */
  variant: 'kebab' | 'dropdown';
  /** The accessible name of the kebab (which row it belongs to). */
  label?: string;
};

type ItemProps = { action: Action; onDone: () => void; denied: boolean };

const Item: FC<ItemProps> = ({ action, onDone, denied }) => {
  const navigate = useNavigate();
  const disabled = !!action.disabled || denied;
  const tooltip = disabled ? action.disabledTooltip : action.tooltip;
  const run = () => {
    onDone();
    const { cta } = action;
    if (typeof cta === 'function') cta();
    else if (cta.external) window.open(cta.href, '_blank', 'noopener,noreferrer');
    else navigate(cta.href);
  };
  return (
    <DropdownItem
      value={action.id}
      isAriaDisabled={disabled}
      description={disabled ? tooltip : action.description}
      tooltipProps={tooltip ? { content: tooltip } : undefined}
      onClick={disabled ? undefined : run}
      data-test-action={action.id}
    >
      {action.label}
    </DropdownItem>
  );
};

/** An item whose action needs an access review; checked only while the menu is open. */
const ReviewedItem: FC<Omit<ItemProps, 'denied'>> = (props) => {
  const [allowed, loading] = useAccessReview(props.action.accessReview ?? {});
  return <Item {...props} denied={loading || !allowed} />;
};

/**
 * A menu of SDK actions: disabled items say why (their disabled tooltip, also as description so
 * it is read and visible without hovering), access reviews run only while the menu is open.
 */
const ActionsMenu: FC<ActionsMenuProps> = ({ actions, variant, label }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const [open, setOpen] = useState(false);
  const close = () => setOpen(false);

  return (
    <Dropdown
      isOpen={open}
      onOpenChange={setOpen}
      popperProps={{ position: 'right', appendTo: () => document.body }}
      shouldFocusToggleOnSelect
      toggle={(ref: Ref<MenuToggleElement>) => (
        <MenuToggle
          ref={ref}
          variant={variant === 'kebab' ? 'plain' : 'default'}
          isExpanded={open}
          onClick={() => setOpen(!open)}
          aria-label={variant === 'kebab' ? (label ?? t('Actions')) : undefined}
          icon={variant === 'kebab' ? <EllipsisVIcon /> : undefined}
        >
          {variant === 'dropdown' ? t('Actions') : undefined}
        </MenuToggle>
      )}
    >
      <DropdownList>
        {open &&
          actions.map((action) =>
            action.accessReview ? (
              <ReviewedItem key={action.id} action={action} onDone={close} />
            ) : (
              <Item key={action.id} action={action} onDone={close} denied={false} />
            ),
          )}
      </DropdownList>
    </Dropdown>
  );
};

export default ActionsMenu;
