import type { FC } from 'react';
import { useTranslation } from 'react-i18next';
import { Label } from '@patternfly/react-core';
import type { ConsoleConnectionState } from '../../utils/consoleConnection';
import { MAX_RECONNECT_ATTEMPTS } from '../../utils/consoleConnection';

/** Props of the connection status line. */
export type ConsoleStatusLineProps = {
  /** The connection state to describe. */
  state: ConsoleConnectionState;
  /** Which console this is, for screen readers ("VNC console", "Serial console"). */
  consoleName: string;
};

/** One line saying how the console's connection stands, announced politely to screen readers. */
const ConsoleStatusLine: FC<ConsoleStatusLineProps> = ({ state, consoleName }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  let color: 'green' | 'blue' | 'orange' | 'grey' | 'red' = 'grey';
  let text: string;
  switch (state.status) {
    case 'connected':
      color = 'green';
      text = t('Connected');
      break;
    case 'connecting':
      color = 'blue';
      text =
        state.attempt > 0
          ? t('Connecting (attempt {{attempt}})…', { attempt: state.attempt + 1 })
          : t('Connecting…');
      break;
    case 'reconnecting':
      color = 'orange';
      text = state.detail
        ? t('Connection lost ({{detail}}). Reconnecting in {{seconds}} s…', {
            detail: state.detail,
            seconds: Math.round(state.delayMs / 1000),
          })
        : t('Connection lost. Reconnecting in {{seconds}} s…', {
            seconds: Math.round(state.delayMs / 1000),
          });
      break;
    default:
      switch (state.reason.kind) {
        case 'notRunning':
          text = t('Disconnected: the VirtualMachine is not running');
          break;
        case 'inUse':
          color = 'red';
          text = t('Disconnected: the console is in use by another session');
          break;
        case 'gaveUp':
          color = 'red';
          text = t('Disconnected: no connection after {{count}} attempts', {
            count: MAX_RECONNECT_ATTEMPTS,
          });
          break;
        default:
          text = t('Disconnected');
      }
  }
  return (
    <div
      role="status"
      aria-live="polite"
      aria-label={t('{{console}} status', { console: consoleName })}
    >
      <Label color={color} isCompact>
        {text}
      </Label>
    </div>
  );
};

export default ConsoleStatusLine;
