/** A kebab (list rows) or "Actions" dropdown (details header) over an ActionService's menu options. */
import { Fragment, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Divider,
  Dropdown,
  DropdownGroup,
  DropdownItem,
  DropdownList,
  MenuToggle,
  type MenuToggleElement,
} from '@patternfly/react-core';
import { EllipsisVIcon } from '@patternfly/react-icons/dist/esm/icons/ellipsis-v-icon';
import type { MenuOption } from '@openshift-console/dynamic-plugin-sdk';
import { isGroupOption } from '../../sdk/actions/actionLogic';
import { ActionMenuItem } from './ActionMenuItem';

type Props = {
  options: MenuOption[];
  loaded: boolean;
  variant: 'kebab' | 'dropdown';
  label?: string;
};

const Options = ({ options, onDone }: { options: MenuOption[]; onDone: () => void }) => (
  <>
    {options.map((o, i) =>
      isGroupOption(o) ? (
        <Fragment key={o.id}>
          {i > 0 && <Divider component="li" />}
          <DropdownGroup label={o.label} labelHeadingLevel="h3">
            <DropdownList>
              <Options options={o.children ?? []} onDone={onDone} />
            </DropdownList>
          </DropdownGroup>
        </Fragment>
      ) : (
        <ActionMenuItem key={o.id} action={o} onDone={onDone} />
      ),
    )}
  </>
);

export const ActionMenu = ({ options, loaded, variant, label }: Props) => {
  const { t } = useTranslation('console-host');
  const [open, setOpen] = useState(false);
  const name = label ?? t('Actions');
  return (
    <Dropdown
      isOpen={open}
      onOpenChange={setOpen}
      popperProps={{ position: 'right' }}
      toggle={(ref: Ref<MenuToggleElement>) => (
        <MenuToggle
          ref={ref}
          variant={variant === 'kebab' ? 'plain' : 'default'}
          isExpanded={open}
          onClick={() => setOpen((o) => !o)}
          aria-label={name}
          data-test-id={variant === 'kebab' ? 'kebab-button' : 'actions-menu-button'}
          icon={variant === 'kebab' ? <EllipsisVIcon /> : undefined}
        >
          {variant === 'kebab' ? undefined : name}
        </MenuToggle>
      )}
    >
      <DropdownList>
        {!loaded ? (
          <DropdownItem isDisabled>{t('Loading')}</DropdownItem>
        ) : options.length === 0 ? (
          <DropdownItem isDisabled>{t('No actions')}</DropdownItem>
        ) : (
          <Options options={options} onDone={() => setOpen(false)} />
        )}
      </DropdownList>
    </Dropdown>
  );
};
