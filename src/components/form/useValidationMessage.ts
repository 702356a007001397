import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ValidationIssue } from '../../utils/validation';

/** Turns a validator's issue into the localized message shown under the field. */
export const useValidationMessage = (): ((
  issue: ValidationIssue | undefined,
) => string | undefined) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  return useCallback(
    (issue) => {
      if (!issue) return undefined;
      switch (issue.code) {
        case 'required':
          return t('Required');
        case 'too-long':
          return t('Must be at most {{max}} characters.', { max: issue.max });
        case 'dns-1123':
          return t(
            'Use lowercase letters (a-z), digits (0-9), hyphens (-) and periods (.), starting and ending with a letter or digit.',
          );
        case 'dns-1123-label':
          return t(
            'Use lowercase letters (a-z), digits (0-9) and hyphens (-), starting and ending with a letter or digit.',
          );
        case 'quantity':
          return t('Enter a positive quantity, such as 2Gi or 512Mi.');
        case 'positive-integer':
          return t('Enter a whole number.');
        case 'min':
          return t('Must be at least {{min}}.', { min: issue.min });
        case 'max':
          return t('Must be at most {{max}}.', { max: issue.max });
        case 'label-key':
          return t(
            'A key is an optional DNS subdomain prefix and "/", then up to 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit.',
          );
        case 'label-value':
          return t(
            'A label value is empty or up to 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit.',
          );
        case 'duplicate':
          return t('This key is already used.');
        case 'yaml':
          return t('Invalid YAML: {{detail}}', { detail: issue.detail });
        case 'cloud-init-mapping':
          return t('The cloud-init data must be a YAML mapping.');
        case 'http-url':
          return t('Enter an absolute HTTP or HTTPS URL, such as https://example.com/disk.qcow2.');
        case 'image-reference':
          return t('Enter a container image, such as quay.io/containerdisks/fedora:latest.');
      }
    },
    [t],
  );
};
