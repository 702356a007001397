import type { FC } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ToolbarGroup, ToolbarItem } from '@patternfly/react-core';
import type { ConsoleConnectionState } from '../../utils/consoleConnection';
import ConsoleStatusLine from './ConsoleStatusLine';

export type ConsoleConnectionGroupProps = {
  state: ConsoleConnectionState;
  /** The console's name, for the status line's label ("VNC console"). */
  consoleName: string;
  /** The VMI runs: without it there is nothing to connect to. */
  running: boolean;
  connect: () => void;
  disconnect: () => void;
};

/** A console toolbar's first group: Connect or Disconnect, and the connection status. */
const ConsoleConnectionGroup: FC<ConsoleConnectionGroupProps> = ({
  state,
  consoleName,
  running,
  connect,
  disconnect,
}) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const live =
    state.status === 'connected' ||
    state.status === 'connecting' ||
    state.status === 'reconnecting';
  return (
    <ToolbarGroup>
      <ToolbarItem>
        {live ? (
          <Button variant="secondary" onClick={disconnect}>
            {t('Disconnect')}
          </Button>
        ) : (
          <Button variant="primary" onClick={connect} isDisabled={!running}>
            {t('Connect')}
          </Button>
        )}
      </ToolbarItem>
      <ToolbarItem alignSelf="center">
        <ConsoleStatusLine state={state} consoleName={consoleName} />
      </ToolbarItem>
    </ToolbarGroup>
  );
};

export default ConsoleConnectionGroup;
