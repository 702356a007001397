import type { FC } from 'react';
import { useTranslation } from 'react-i18next';
import { ClipboardCopy, type ClipboardCopyProps } from '@patternfly/react-core';

type CopyFieldProps = {
  /** Accessible name of the read-only text. */
  label: string;
  /** Accessible name of the copy button. */
  copyLabel: string;
  /** What is copied when it differs from what is shown (a masked password). */
  onCopy?: ClipboardCopyProps['onCopy'];
  children: string;
};

/** A read-only value with a copy button, both named for assistive technology. */
const CopyField: FC<CopyFieldProps> = ({ label, copyLabel, onCopy, children }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  return (
    <ClipboardCopy
      isReadOnly
      hoverTip={t('Copy')}
      clickTip={t('Copied')}
      textAriaLabel={label}
      copyAriaLabel={copyLabel}
      {...(onCopy ? { onCopy } : {})}
    >
      {children}
    </ClipboardCopy>
  );
};

export default CopyField;
