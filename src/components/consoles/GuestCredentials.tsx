import type { FC } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import CopyField from '../CopyField';
import {
  Button,
  Split,
  SplitItem,
  clipboardCopyFunc,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  ExpandableSection,
} from '@patternfly/react-core';
import { EyeIcon, EyeSlashIcon } from '@patternfly/react-icons';
import type { GuestCredentials as Credentials } from '../../utils/guestCredentials';

const MASK = '••••••••';

/**
 * "Guest login credentials": the user and password cloud-init creates, or that a sysprep answer
 * file (`sysprepFile`) sets in Windows, each with a copy button; the password is masked until
 * revealed (copying it works either way).
 */
const GuestCredentials: FC<{ credentials: Credentials; sysprepFile?: string }> = ({
  credentials,
  sysprepFile,
}) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const [expanded, setExpanded] = useState(false);
  const [revealed, setRevealed] = useState(false);
  const { user, password } = credentials;
  return (
    <ExpandableSection
      toggleText={t('Guest login credentials')}
      isExpanded={expanded}
      onToggle={(_e, value) => setExpanded(value)}
    >
      <p className="pf-v6-u-mb-sm">
        {sysprepFile
          ? t('The user name and password that the sysprep answer file {{file}} sets in Windows.', {
              file: sysprepFile,
            })
          : t('The user name and password that cloud-init creates in the guest.')}
      </p>
      <DescriptionList isHorizontal isCompact>
        {user && (
          <DescriptionListGroup>
            <DescriptionListTerm>{t('User name')}</DescriptionListTerm>
            <DescriptionListDescription>
              <CopyField label={t('User name')} copyLabel={t('Copy user name')}>
                {user}
              </CopyField>
            </DescriptionListDescription>
          </DescriptionListGroup>
        )}
        {password && (
          <DescriptionListGroup>
            <DescriptionListTerm>{t('Password')}</DescriptionListTerm>
            <DescriptionListDescription>
              {/* PatternFly's ClipboardCopy draws extra actions only inline, so the reveal
                  toggle sits beside the field. */}
              <Split hasGutter>
                <SplitItem isFilled>
                  <CopyField
                    label={t('Password')}
                    copyLabel={t('Copy password')}
                    onCopy={(event) => clipboardCopyFunc(event, password)}
                  >
                    {revealed ? password : MASK}
                  </CopyField>
                </SplitItem>
                <SplitItem>
                  <Button
                    variant="control"
                    aria-label={revealed ? t('Hide password') : t('Show password')}
                    icon={revealed ? <EyeSlashIcon /> : <EyeIcon />}
                    onClick={() => setRevealed((r) => !r)}
                  />
                </SplitItem>
              </Split>
            </DescriptionListDescription>
          </DescriptionListGroup>
        )}
      </DescriptionList>
    </ExpandableSection>
  );
};

export default GuestCredentials;
