import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useValidationMessage } from '../../../../../components/form/useValidationMessage';
import { formatBytes } from '../../../../../utils/quantityFormat';
import type { FormIssues } from '../../../../../utils/vmSpec/forms';

type Issue = FormIssues<string>[string];

/** The message of a form issue: a validator's issue, or the forms' own `taken`, `mac`, `clone-size`,
 * `upload-size`. */
export const useIssueMessage = (): ((issue: Issue) => string | undefined) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const message = useValidationMessage();
  return useCallback(
    (issue: Issue) => {
      if (issue === 'taken') return t('This name is already used.');
      if (issue === 'mac') return t('Enter a MAC address, such as 02:00:00:00:00:01.');
      if (issue?.code === 'clone-size')
        return t('The size must be at least the size of the source PVC ({{size}}).', {
          size: issue.min,
        });
      if (issue?.code === 'upload-size')
        return t('The size must be at least the size of the file ({{size}}).', {
          size: formatBytes(issue.bytes),
        });
      return message(issue);
    },
    [t, message],
  );
};
