import type { FC } from 'react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ActionGroup,
  Alert,
  Button,
  Form,
  FormGroup,
  FormSelect,
  FormSelectOption,
  TextArea,
} from '@patternfly/react-core';
import type { KeyEvent, PasteLayout } from '../../../utils/keymapPaste';
import { isPasteLayout, pasteKeyEvents, planPaste } from '../../../utils/keymapPaste';

/** Props of the paste-as-keystrokes form. */
export type PasteAsKeystrokesProps = {
  /** Key of the VM the layout is remembered for (`<namespace>/<name>`). */
  vmKey: string;
  /** Sends the key events to the guest. */
  onSend: (events: KeyEvent[]) => void;
  /** Typing is possible (connected). */
  isDisabled?: boolean;
};

const layoutStorageKey = (vmKey: string) => `virt-console-plugin/vnc-keyboard-layout/${vmKey}`;

const storedLayout = (vmKey: string): PasteLayout => {
  try {
    const value = window.localStorage.getItem(layoutStorageKey(vmKey));
    return isPasteLayout(value) ? value : 'en-us';
  } catch {
    return 'en-us';
  }
};

/**
 * Types text into the guest as key presses of the guest's keyboard layout (remembered per VM).
 * The text box also takes IME input (Japanese) and text read from the clipboard; characters the
 * layout cannot type are listed before anything is sent.
 */
const PasteAsKeystrokes: FC<PasteAsKeystrokesProps> = ({ vmKey, onSend, isDisabled }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const [text, setText] = useState('');
  const [layout, setLayout] = useState<PasteLayout>(() => storedLayout(vmKey));
  const [clipboardError, setClipboardError] = useState(false);
  const plan = useMemo(() => planPaste(text, layout), [text, layout]);

  const chooseLayout = (value: string) => {
    if (!isPasteLayout(value)) return;
    setLayout(value);
    try {
      window.localStorage.setItem(layoutStorageKey(vmKey), value);
    } catch {
      // Storage may be off; the choice then lasts for this page.
    }
  };
  const readClipboard = async () => {
    try {
      setText(await navigator.clipboard.readText());
      setClipboardError(false);
    } catch {
      setClipboardError(true);
    }
  };

  return (
    <Form
      onSubmit={(e) => {
        e.preventDefault();
        onSend(pasteKeyEvents(plan));
      }}
    >
      <FormGroup label={t('Guest keyboard layout')} fieldId="vnc-paste-layout">
        <FormSelect
          id="vnc-paste-layout"
          value={layout}
          onChange={(_e, value) => chooseLayout(value)}
        >
          <FormSelectOption value="en-us" label={t('English (US)')} />
          <FormSelectOption value="ja" label={t('Japanese (jp106)')} />
        </FormSelect>
      </FormGroup>
      <FormGroup label={t('Text to type')} fieldId="vnc-paste-text">
        <TextArea
          id="vnc-paste-text"
          value={text}
          onChange={(_e, value) => setText(value)}
          resizeOrientation="vertical"
          rows={3}
        />
      </FormGroup>
      {plan.untypable.length > 0 && (
        <Alert
          variant="warning"
          isInline
          isPlain
          title={t('These characters cannot be typed with this layout and are skipped: {{chars}}', {
            chars: plan.untypable.join(' '),
          })}
        />
      )}
      {clipboardError && (
        <Alert
          variant="info"
          isInline
          isPlain
          title={t(
            'The browser did not allow reading the clipboard. Paste into the text box instead.',
          )}
        />
      )}
      <ActionGroup>
        <Button type="submit" isDisabled={isDisabled || plan.strokes.length === 0}>
          {t('Type text')}
        </Button>
        <Button variant="secondary" onClick={readClipboard}>
          {t('Read clipboard')}
        </Button>
      </ActionGroup>
    </Form>
  );
};

export default PasteAsKeystrokes;
