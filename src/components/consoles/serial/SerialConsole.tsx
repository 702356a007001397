import type { FC } from 'react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button,
  Flex,
  FlexItem,
  SearchInput,
  Toolbar,
  ToolbarContent,
  ToolbarGroup,
  ToolbarItem,
} from '@patternfly/react-core';
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import { SearchAddon } from '@xterm/addon-search';
import {
  KUBEVIRT_CONSOLE_SUBPROTOCOL,
  consoleSocketUrl,
  isSessionInUseMessage,
} from '../../../utils/consoleConnection';
import { serialLogFileName, sessionMarker, terminalOutputToText } from '../../../utils/consoleLog';
import ConsoleConnectionGroup from '../ConsoleConnectionGroup';
import { downloadBlob } from '../../../utils/downloadFile';
import type { SessionCallbacks } from '../useConsoleSession';
import { useConsoleSession } from '../useConsoleSession';
import { ensureXtermStyles } from './xtermStyles';

/** The session log keeps at most this many characters (the newest). */
const MAX_LOG_CHARS = 4 * 1024 * 1024;

/** Props of the serial console. */
export type SerialConsoleProps = {
  /** The VMI's namespace. */
  namespace: string;
  /** The VMI's name. */
  name: string;
  /** The VMI is running. */
  running: boolean;
  /** The console is the one shown (it connects the first time it is shown, and refits). */
  active: boolean;
  /** Height of the terminal area (CSS), e.g. `60vh`. */
  height?: string;
};

/**
 * The VMI's serial console: xterm.js on the `console` websocket (`plain.kubevirt.io`, raw bytes),
 * fitted to its box, reconnecting with backoff; search in the scrollback, copy, paste, clear and a
 * session log that survives reconnects while the page is open.
 */
const SerialConsole: FC<SerialConsoleProps> = ({ namespace, name, running, active, height }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const box = useRef<HTMLDivElement>(null);
  const term = useRef<Terminal | undefined>(undefined);
  const fit = useRef<FitAddon | undefined>(undefined);
  const search = useRef<SearchAddon | undefined>(undefined);
  const socket = useRef<WebSocket | undefined>(undefined);
  const log = useRef('');
  const [query, setQuery] = useState('');
  const [notice, setNotice] = useState('');

  const appendLog = (text: string) => {
    log.current += text;
    if (log.current.length > MAX_LOG_CHARS) log.current = log.current.slice(-MAX_LOG_CHARS);
  };

  const start = useCallback(
    (callbacks: SessionCallbacks) => {
      const ws = new WebSocket(consoleSocketUrl(window.location, namespace, name, 'console'), [
        KUBEVIRT_CONSOLE_SUBPROTOCOL,
      ]);
      ws.binaryType = 'arraybuffer';
      const decoder = new TextDecoder();
      let opened = false;
      ws.onopen = () => {
        opened = true;
        socket.current = ws;
        callbacks.onOpen();
      };
      ws.onmessage = (event: MessageEvent<ArrayBuffer | string>) => {
        const bytes =
          typeof event.data === 'string'
            ? new TextEncoder().encode(event.data)
            : new Uint8Array(event.data);
        term.current?.write(bytes);
        appendLog(decoder.decode(bytes, { stream: true }));
      };
      ws.onclose = (event) => {
        if (socket.current === ws) socket.current = undefined;
        callbacks.onClose(
          event.reason || (opened ? undefined : t('could not connect')),
          isSessionInUseMessage(event.reason),
        );
      };
      return {
        close: () => {
          if (socket.current === ws) socket.current = undefined;
          ws.close();
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

  // Mark each (re)connection in the session log.
  const previous = useRef(state.status);
  const connections = useRef(0);
  useEffect(() => {
    if (state.status === 'connected' && previous.current !== 'connected') {
      appendLog(sessionMarker(new Date(), connections.current++));
    }
    previous.current = state.status;
  }, [state.status]);

  useEffect(() => {
    ensureXtermStyles();
    if (!box.current) return undefined;
    const terminal = new Terminal({
      scrollback: 10_000,
      cursorBlink: true,
      fontFamily: 'RedHatMono, "Liberation Mono", Menlo, monospace',
      fontSize: 14,
      screenReaderMode: false,
    });
    const fitAddon = new FitAddon();
    const searchAddon = new SearchAddon();
    terminal.loadAddon(fitAddon);
    terminal.loadAddon(searchAddon);
    terminal.open(box.current);
    terminal.textarea?.setAttribute('aria-label', t('Serial console input'));
    const encoder = new TextEncoder();
    const input = terminal.onData((data) => {
      const ws = socket.current;
      if (ws?.readyState === WebSocket.OPEN) ws.send(encoder.encode(data));
    });
    const binary = terminal.onBinary((data) => {
      const ws = socket.current;
      if (ws?.readyState === WebSocket.OPEN) {
        ws.send(Uint8Array.from(data, (c) => c.charCodeAt(0) & 0xff));
      }
    });
    term.current = terminal;
    fit.current = fitAddon;
    search.current = searchAddon;
    const observer = new ResizeObserver(() => {
      if (box.current?.offsetParent) fitAddon.fit();
    });
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      input.dispose();
      binary.dispose();
      terminal.dispose();
      term.current = undefined;
    };
    // The terminal lives as long as the component; `t` only labels its input.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (active && box.current?.offsetParent) {
      fit.current?.fit();
      term.current?.focus();
    }
  }, [active]);

  const connected = state.status === 'connected';

  const copy = async () => {
    const selection = term.current?.getSelection() ?? '';
    try {
      await navigator.clipboard.writeText(selection);
      setNotice(selection ? t('Selection copied') : t('Nothing is selected'));
    } catch {
      setNotice(t('The browser did not allow access to the clipboard'));
    }
  };
  const paste = async () => {
    try {
      const text = await navigator.clipboard.readText();
      term.current?.paste(text);
      term.current?.focus();
    } catch {
      setNotice(t('The browser did not allow access to the clipboard'));
    }
  };
  const download = () =>
    downloadBlob(
      new Blob([terminalOutputToText(log.current)], { type: 'text/plain;charset=utf-8' }),
      serialLogFileName(namespace, name, new Date()),
    );

  return (
    <Flex direction={{ default: 'column' }} spaceItems={{ default: 'spaceItemsSm' }}>
      <FlexItem>
        <Toolbar>
          <ToolbarContent>
            <ConsoleConnectionGroup
              state={state}
              consoleName={t('Serial console')}
              running={running}
              connect={connect}
              disconnect={disconnect}
            />
            <ToolbarGroup>
              <ToolbarItem>
                <SearchInput
                  aria-label={t('Search the serial console output')}
                  placeholder={t('Search output')}
                  value={query}
                  onChange={(_e, value) => {
                    setQuery(value);
                    if (!value) search.current?.clearDecorations();
                  }}
                  onClear={() => {
                    setQuery('');
                    search.current?.clearDecorations();
                  }}
                  onSearch={() => search.current?.findNext(query)}
                  onNextClick={() => {
                    search.current?.findNext(query);
                  }}
                  onPreviousClick={() => {
                    search.current?.findPrevious(query);
                  }}
                />
              </ToolbarItem>
              <ToolbarItem>
                <Button variant="secondary" onClick={copy}>
                  {t('Copy')}
                </Button>
              </ToolbarItem>
              <ToolbarItem>
                <Button variant="secondary" onClick={paste} isDisabled={!connected}>
                  {t('Paste')}
                </Button>
              </ToolbarItem>
              <ToolbarItem>
                <Button variant="secondary" onClick={() => term.current?.clear()}>
                  {t('Clear')}
                </Button>
              </ToolbarItem>
              <ToolbarItem>
                <Button variant="secondary" onClick={download}>
                  {t('Download log')}
                </Button>
              </ToolbarItem>
            </ToolbarGroup>
          </ToolbarContent>
        </Toolbar>
        {notice && (
          <div role="status" aria-live="polite">
            {notice}
          </div>
        )}
      </FlexItem>
      <FlexItem>
        <div
          ref={box}
          role="region"
          aria-label={t('Serial console')}
          style={{ height: height ?? '60vh', minHeight: 240, background: '#000', padding: 4 }}
        />
      </FlexItem>
    </Flex>
  );
};

export default SerialConsole;
