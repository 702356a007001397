import type { FC } from 'react';
import { useState } from 'react';
import { FormGroup, TextArea, TextInput } from '@patternfly/react-core';
import { useValidationMessage } from '../../../../../components/form/useValidationMessage';
import type { ValidationIssue } from '../../../../../utils/validation';
import FieldError from '../../../../../components/form/FieldError';
import FormModal from '../../../../../components/form/FormModal';

export type TextFieldModalProps = {
  /** Removes the modal (passed by `useOverlay`). */
  closeOverlay: () => void;
  /** The dialog's title. */
  title: string;
  /** The field's label. */
  label: string;
  /** The current value. */
  initial: string;
  /** Multi-line text. */
  multiline?: boolean;
  /** Help under the field. */
  help?: string;
  /** The rule the value must follow (empty values pass unless the validator says otherwise). */
  validate?: (value: string) => ValidationIssue | undefined;
  /** Saves the value. */
  onSave: (value: string) => Promise<unknown>;
};

/** Edits one text value of the VM (description, hostname). */
const TextFieldModal: FC<TextFieldModalProps> = ({
  closeOverlay,
  title,
  label,
  initial,
  multiline,
  help,
  validate,
  onSave,
}) => {
  const message = useValidationMessage();
  const [value, setValue] = useState(initial);
  const [touched, setTouched] = useState(false);
  const issue = validate?.(value);
  const error = touched || value !== initial ? message(issue) : undefined;
  return (
    <FormModal
      closeOverlay={closeOverlay}
      title={title}
      isValid={!issue}
      onInvalid={() => setTouched(true)}
      onSave={() => onSave(value)}
    >
      <FormGroup label={label} fieldId="text-field">
        {multiline ? (
          <TextArea
            id="text-field"
            value={value}
            onChange={(_e, v) => setValue(v)}
            validated={error ? 'error' : 'default'}
            autoResize
          />
        ) : (
          <TextInput
            id="text-field"
            value={value}
            onChange={(_e, v) => setValue(v)}
            validated={error ? 'error' : 'default'}
          />
        )}
        <FieldError message={error} help={help} />
      </FormGroup>
    </FormModal>
  );
};

export default TextFieldModal;
