import type { FC } from 'react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  Button,
  ExpandableSection,
  Flex,
  FlexItem,
  ToggleGroup,
  ToggleGroupItem,
  Toolbar,
  ToolbarContent,
  ToolbarGroup,
  ToolbarItem,
} from '@patternfly/react-core';
import RFB from '@novnc/novnc';
import {
  KUBEVIRT_CONSOLE_SUBPROTOCOL,
  consoleSocketUrl,
  isSessionInUseMessage,
} from '../../../utils/consoleConnection';
import type { KeyCombo } from '../../../utils/consoleKeys';
import { comboKeyEvents } from '../../../utils/consoleKeys';
import type { KeyEvent } from '../../../utils/keymapPaste';
import ConsoleConnectionGroup from '../ConsoleConnectionGroup';
import { downloadBlob } from '../../../utils/downloadFile';
import type { SessionCallbacks } from '../useConsoleSession';
import { useConsoleSession } from '../useConsoleSession';
import { useFullScreen } from '../useFullScreen';
import PasteAsKeystrokes from './PasteAsKeystrokes';
import SendKeyMenu from './SendKeyMenu';

/** How the guest's screen fits the box: scaled to fit, 1:1 (scrolling), or the guest resized. */
export type VncScaleMode = 'fit' | 'actual' | 'remote';

/** Props of the VNC console. */
export type VncConsoleProps = {
  /** The VMI's namespace. */
  namespace: string;
  /** The VMI's name. */
  name: string;
  /** The VMI is running. */
  running: boolean;
  /** The console is the one shown (it connects the first time it is shown). */
  active: boolean;
  /** Height of the screen area (CSS). */
  height?: string;
};

const applyScale = (rfb: RFB, mode: VncScaleMode) => {
  rfb.scaleViewport = mode === 'fit';
  rfb.resizeSession = mode === 'remote';
  rfb.clipViewport = false;
};

/**
 * The VMI's VNC console: noVNC's RFB client on the `vnc` websocket through the console's proxy,
 * with Connect/Disconnect, reconnect with backoff, Send key, scale modes, screenshot download,
 * full screen (with the keyboard locked to the guest where the browser can) and paste as keystrokes
 * in the guest's keyboard layout.
 */
const VncConsole: FC<VncConsoleProps> = ({ namespace, name, running, active, height }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const screen = useRef<HTMLDivElement>(null);
  const frame = useRef<HTMLDivElement>(null);
  const fullScreen = useFullScreen(frame);
  const rfb = useRef<RFB | undefined>(undefined);
  const [scale, setScale] = useState<VncScaleMode>('fit');
  const scaleRef = useRef(scale);
  const [pasteOpen, setPasteOpen] = useState(false);

  const start = useCallback(
    (callbacks: SessionCallbacks, attempt: number) => {
      if (!screen.current) {
        setTimeout(() => callbacks.onClose(t('no screen')), 0);
        return { close: () => undefined };
      }
      // Automatic reconnects do not take the session over from another window or user (they wait
      // until it is free); Connect does, as KubeVirt's default.
      const url = consoleSocketUrl(window.location, namespace, name, 'vnc', {
        preserveSession: attempt > 0,
      });
      const client = new RFB(screen.current, url, {
        wsProtocols: [KUBEVIRT_CONSOLE_SUBPROTOCOL],
        shared: true,
      });
      applyScale(client, scaleRef.current);
      client.background = '#000';
      let failure: string | undefined;
      client.addEventListener('connect', () => {
        rfb.current = client;
        callbacks.onOpen();
      });
      client.addEventListener('securityfailure', (event) => {
        failure = (event as CustomEvent<{ reason?: string }>).detail?.reason;
      });
      client.addEventListener('disconnect', (event) => {
        if (rfb.current === client) rfb.current = undefined;
        const clean = (event as CustomEvent<{ clean: boolean }>).detail?.clean;
        callbacks.onClose(
          failure ?? (clean ? t('closed by the server') : t('connection dropped')),
          isSessionInUseMessage(failure),
        );
      });
      return {
        close: () => {
          if (rfb.current === client) rfb.current = undefined;
          client.disconnect();
        },
      };
    },
    [namespace, name, t],
  );

  const { state, connect, disconnect } = useConsoleSession(start, {
    running,
    autoConnect: active,
    timeoutDetail: t('timed out'),
  });
  const connected = state.status === 'connected';

  useEffect(() => {
    scaleRef.current = scale;
    if (rfb.current) applyScale(rfb.current, scale);
  }, [scale]);

  const sendEvents = (events: { keysym: number; code: string | null; down: boolean }[]) => {
    const client = rfb.current;
    if (!client) return;
    for (const e of events) client.sendKey(e.keysym, e.code, e.down);
    client.focus();
  };
  const sendCombo = (combo: KeyCombo) => sendEvents(comboKeyEvents(combo));
  const typeText = (events: KeyEvent[]) => sendEvents(events);
  const screenshot = () =>
    rfb.current?.toBlob((blob) => {
      if (blob) {
        downloadBlob(
          blob,
          `${namespace}-${name}-screenshot-${new Date().toISOString().replace(/[:.]/g, '-')}.png`,
        );
      }
    }, 'image/png');

  return (
    <div
      ref={frame}
      style={
        fullScreen.isFullScreen
          ? {
              background: 'var(--pf-t--global--background--color--primary--default)',
              padding: 'var(--pf-t--global--spacer--sm)',
              height: '100%',
              overflow: 'auto',
            }
          : undefined
      }
    >
      <Flex direction={{ default: 'column' }} spaceItems={{ default: 'spaceItemsSm' }}>
        <FlexItem>
          <Toolbar>
            <ToolbarContent>
              <ConsoleConnectionGroup
                state={state}
                consoleName={t('VNC console')}
                running={running}
                connect={connect}
                disconnect={disconnect}
              />
              <ToolbarGroup>
                <ToolbarItem>
                  <SendKeyMenu onSend={sendCombo} isDisabled={!connected} />
                </ToolbarItem>
                <ToolbarItem>
                  <ToggleGroup aria-label={t('Scale')}>
                    <ToggleGroupItem
                      text={t('Fit')}
                      buttonId="vnc-scale-fit"
                      isSelected={scale === 'fit'}
                      onChange={() => setScale('fit')}
                    />
                    <ToggleGroupItem
                      text={t('100%')}
                      buttonId="vnc-scale-actual"
                      isSelected={scale === 'actual'}
                      onChange={() => setScale('actual')}
                    />
                    <ToggleGroupItem
                      text={t('Resize guest')}
                      buttonId="vnc-scale-remote"
                      isSelected={scale === 'remote'}
                      onChange={() => setScale('remote')}
                    />
                  </ToggleGroup>
                </ToolbarItem>
                <ToolbarItem>
                  <Button variant="secondary" onClick={screenshot} isDisabled={!connected}>
                    {t('Screenshot')}
                  </Button>
                </ToolbarItem>
                <ToolbarItem>
                  {fullScreen.isFullScreen ? (
                    <Button variant="primary" onClick={() => void fullScreen.exit()}>
                      {t('Exit full screen')}
                    </Button>
                  ) : (
                    <Button
                      variant="secondary"
                      onClick={() => {
                        void fullScreen.enter().then(() => rfb.current?.focus());
                      }}
                    >
                      {t('Full screen')}
                    </Button>
                  )}
                </ToolbarItem>
              </ToolbarGroup>
            </ToolbarContent>
          </Toolbar>
          {fullScreen.isFullScreen && (
            <Alert
              variant="info"
              isInline
              isPlain
              title={
                fullScreen.keyboardLocked
                  ? t(
                      'Keys such as Esc and Alt+Tab go to the guest. Press and hold Esc, or use Exit full screen, to leave.',
                    )
                  : t('Press Esc, or use Exit full screen, to leave.')
              }
            />
          )}
          <ExpandableSection
            toggleText={t('Paste as keystrokes')}
            isExpanded={pasteOpen}
            onToggle={(_e, open) => setPasteOpen(open)}
          >
            <PasteAsKeystrokes
              vmKey={`${namespace}/${name}`}
              onSend={typeText}
              isDisabled={!connected}
            />
          </ExpandableSection>
        </FlexItem>
        <FlexItem>
          <div
            ref={screen}
            role="region"
            aria-label={t('VNC console screen')}
            style={{
              height: fullScreen.isFullScreen ? 'calc(100vh - 11rem)' : (height ?? '60vh'),
              minHeight: 240,
              background: '#000',
              overflow: scale === 'actual' ? 'auto' : 'hidden',
            }}
          />
        </FlexItem>
      </Flex>
    </div>
  );
};

export default VncConsole;
