import type { FC } from 'react';
import { FormHelperText, HelperText, HelperTextItem } from '@patternfly/react-core';

type FieldErrorProps = {
  /** The message; nothing is drawn without one. */
  message?: string;
  /** Optional help shown when there is no error. */
  help?: string;
};

/** The error (or help) line under a form field. */
const FieldError: FC<FieldErrorProps> = ({ message, help }) =>
  message || help ? (
    <FormHelperText>
      <HelperText>
        <HelperTextItem variant={message ? 'error' : 'default'}>{message ?? help}</HelperTextItem>
      </HelperText>
    </FormHelperText>
  ) : null;

export default FieldError;
