import type { FC } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  Button,
  EmptyState,
  EmptyStateActions,
  EmptyStateBody,
  EmptyStateFooter,
  Flex,
  FlexItem,
  ToggleGroup,
  ToggleGroupItem,
} from '@patternfly/react-core';
import { ExternalLinkAltIcon, TerminalIcon } from '@patternfly/react-icons';
import { startVM } from '../actions/vmRequests';
import type { VirtualMachine, VirtualMachineInstance } from '../../models/types';
import { getErrorMessage } from '../../utils/errors';
import { getGuestCredentials } from '../../utils/guestCredentials';
import { isWindowsVM } from '../../utils/vmFields';
import { isHeadless } from '../../utils/vmSpec/details';
import DesktopViewer from './DesktopViewer';
import GuestCredentials from './GuestCredentials';
import SerialConsole from './serial/SerialConsole';
import { useSysprepCredentials } from './useSysprepCredentials';
import VncConsole from './vnc/VncConsole';

/** Props of the VM's consoles. */
export type VMConsolesProps = {
  /** The VM. */
  vm: VirtualMachine;
  /** Its instance, when there is one. */
  vmi?: VirtualMachineInstance;
  /** Rendered on the standalone full-window page (no "Open in new window" link, taller screen). */
  standalone?: boolean;
};

type ConsoleKind = 'vnc' | 'serial' | 'desktop';

/** The standalone console page of a VM (console.page/route/standalone in console-extensions.json). */
export const standaloneConsolePath = (namespace: string, name: string): string =>
  `/k8s/ns/${encodeURIComponent(namespace)}/kubevirt.io~v1~VirtualMachine/${encodeURIComponent(name)}/console/standalone`;

/** The console in front: the Desktop viewer only for Windows, never VNC when headless. */
const shownConsole = (
  kind: ConsoleKind,
  vm: { windows: boolean; headless: boolean },
): ConsoleKind => {
  if (kind === 'desktop' && vm.windows) return 'desktop';
  if (vm.headless) return 'serial';
  return kind === 'desktop' ? 'vnc' : kind;
};

/** A stopped VM: its consoles need it running, so offer to start it. */
const StartVM: FC<{ vm: VirtualMachine }> = ({ vm }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<string | undefined>();
  const start = async () => {
    setStarting(true);
    setStartError(undefined);
    try {
      await startVM(vm);
    } catch (err) {
      setStartError(getErrorMessage(err));
    } finally {
      setStarting(false);
    }
  };
  return (
    <EmptyState
      titleText={t('This VirtualMachine is not running')}
      headingLevel="h2"
      icon={TerminalIcon}
    >
      <EmptyStateBody>{t('Start the VirtualMachine to open its console.')}</EmptyStateBody>
      <EmptyStateFooter>
        {startError && (
          <Alert variant="danger" isInline title={t('The VirtualMachine could not be started')}>
            {startError}
          </Alert>
        )}
        <EmptyStateActions>
          <Button variant="primary" onClick={start} isLoading={starting} isDisabled={starting}>
            {t('Start')}
          </Button>
        </EmptyStateActions>
      </EmptyStateFooter>
    </EmptyState>
  );
};

/**
 * The VM's consoles: a VNC ⇄ serial switch that keeps both sessions (both stay mounted, one is
 * hidden), the Desktop viewer (RDP) for Windows VMs, the guest login credentials the sysprep
 * answer files or cloud-init set, a Start button for a stopped VM and the reason why a headless VM has no VNC console.
 */
const VMConsoles: FC<VMConsolesProps> = ({ vm, vmi, standalone }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const headless = isHeadless(vm);
  const windows = isWindowsVM(vm, vmi);
  // The answer files are what Windows reads; cloud-init otherwise.
  const sysprepCredentials = useSysprepCredentials(vm);
  const credentials = sysprepCredentials ?? getGuestCredentials(vm);
  const [kind, setKind] = useState<ConsoleKind>(headless ? 'serial' : 'vnc');
  const namespace = vm.metadata?.namespace ?? '';
  const name = vm.metadata?.name ?? '';
  const running = vmi?.status?.phase === 'Running';
  const shown = shownConsole(kind, { windows, headless });
  const height = standalone ? 'calc(100vh - 160px)' : '60vh';

  return (
    <Flex direction={{ default: 'column' }} spaceItems={{ default: 'spaceItemsMd' }}>
      <FlexItem>
        <Flex justifyContent={{ default: 'justifyContentSpaceBetween' }}>
          <FlexItem>
            <ToggleGroup aria-label={t('Console type')}>
              <ToggleGroupItem
                text={t('VNC console')}
                buttonId="console-kind-vnc"
                isSelected={shown === 'vnc'}
                isDisabled={headless}
                onChange={() => setKind('vnc')}
              />
              <ToggleGroupItem
                text={t('Serial console')}
                buttonId="console-kind-serial"
                isSelected={shown === 'serial'}
                onChange={() => setKind('serial')}
              />
              {windows && (
                <ToggleGroupItem
                  text={t('Desktop viewer')}
                  buttonId="console-kind-desktop"
                  isSelected={shown === 'desktop'}
                  onChange={() => setKind('desktop')}
                />
              )}
            </ToggleGroup>
          </FlexItem>
          {!standalone && (
            <FlexItem>
              <Button
                variant="link"
                component="a"
                href={standaloneConsolePath(namespace, name)}
                target="_blank"
                rel="noopener noreferrer"
                icon={<ExternalLinkAltIcon />}
                iconPosition="end"
              >
                {t('Open in new window')}
              </Button>
            </FlexItem>
          )}
        </Flex>
      </FlexItem>
      {credentials && (
        <FlexItem>
          <GuestCredentials credentials={credentials} sysprepFile={sysprepCredentials?.file} />
        </FlexItem>
      )}
      {shown === 'desktop' && (
        <FlexItem>
          <DesktopViewer vm={vm} vmi={vmi} user={credentials?.user} />
        </FlexItem>
      )}
      {!vmi && shown !== 'desktop' && (
        <FlexItem>
          <StartVM vm={vm} />
        </FlexItem>
      )}
      {vmi && headless && (
        <FlexItem>
          <Alert variant="info" isInline title={t('VNC console unavailable')}>
            {t(
              'This VirtualMachine runs headless (no graphics device is attached), so it has no VNC console. Use the serial console, or turn headless mode off in the configuration and restart the VirtualMachine.',
            )}
          </Alert>
        </FlexItem>
      )}
      {vmi && !running && shown !== 'desktop' && (
        <FlexItem>
          <Alert
            variant="info"
            isInline
            isPlain
            title={t('Waiting for the VirtualMachine to run…')}
          />
        </FlexItem>
      )}
      {vmi && !headless && (
        <FlexItem hidden={shown !== 'vnc'}>
          <VncConsole
            namespace={namespace}
            name={name}
            running={running}
            active={shown === 'vnc'}
            height={height}
          />
        </FlexItem>
      )}
      {vmi && (
        <FlexItem hidden={shown !== 'serial'}>
          <SerialConsole
            namespace={namespace}
            name={name}
            running={running}
            active={shown === 'serial'}
            height={height}
          />
        </FlexItem>
      )}
    </Flex>
  );
};

export default VMConsoles;
