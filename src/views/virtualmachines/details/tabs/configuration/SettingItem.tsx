import type { FC, ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOverlay } from '@openshift-console/dynamic-plugin-sdk';
import {
  Button,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Switch,
} from '@patternfly/react-core';
import { PencilAltIcon } from '@patternfly/react-icons';
import ActionErrorModal from '../../../../../components/modals/ActionErrorModal';

type SettingItemProps = {
  /** The setting's name. */
  term: string;
  /** The current value. */
  children: ReactNode;
  /** Opens the editor; no edit button without it. */
  onEdit?: () => void;
};

/** One setting of a Configuration section: name, value and an edit button. */
export const SettingItem: FC<SettingItemProps> = ({ term, children, onEdit }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  return (
    <DescriptionListGroup>
      <DescriptionListTerm>
        {term}
        {onEdit && (
          <Button
            variant="plain"
            size="sm"
            icon={<PencilAltIcon />}
            aria-label={t('Edit {{setting}}', { setting: term })}
            onClick={onEdit}
          />
        )}
      </DescriptionListTerm>
      <DescriptionListDescription>{children}</DescriptionListDescription>
    </DescriptionListGroup>
  );
};

type SwitchSettingProps = {
  /** The setting's name (also the switch's accessible name). */
  term: string;
  /** Help shown next to the switch. */
  label: string;
  /** The current state. */
  isChecked: boolean;
  /** Unavailable (with the reason in `label`). */
  isDisabled?: boolean;
  /** Saves the new state; a failure opens an error dialog. */
  onChange: (checked: boolean) => Promise<unknown>;
};

/** A setting saved as soon as its switch flips. */
export const SwitchSetting: FC<SwitchSettingProps> = ({
  term,
  label,
  isChecked,
  isDisabled,
  onChange,
}) => {
  const launch = useOverlay();
  const [busy, setBusy] = useState(false);
  const id = `switch-${term.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase()}`;
  return (
    <DescriptionListGroup>
      <DescriptionListTerm>{term}</DescriptionListTerm>
      <DescriptionListDescription>
        <Switch
          id={id}
          aria-label={term}
          label={label}
          isChecked={isChecked}
          isDisabled={isDisabled || busy}
          onChange={(_e, checked) => {
            setBusy(true);
            onChange(checked)
              .catch((error: unknown) => launch(ActionErrorModal, { title: term, error }))
              .finally(() => setBusy(false));
          }}
        />
      </DescriptionListDescription>
    </DescriptionListGroup>
  );
};
