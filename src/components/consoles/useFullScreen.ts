import type { RefObject } from 'react';
import { useCallback, useEffect, useState } from 'react';

/** The Keyboard Lock API (Chromium): not in TypeScript's DOM types yet. */
type KeyboardLock = { lock?: (codes?: string[]) => Promise<void>; unlock?: () => void };
const keyboardOf = (): KeyboardLock | undefined =>
  (navigator as Navigator & { keyboard?: KeyboardLock }).keyboard;

/**
 * Full screen for a console: the element fills the screen and, where the browser has the Keyboard
 * Lock API, keys the browser would keep (Esc, Alt+Tab, Ctrl+W...) go to the guest instead; the
 * browser then leaves full screen on a held Esc. `keyboardLocked` tells which way out to show.
 */
export const useFullScreen = (ref: RefObject<HTMLElement>) => {
  const [isFullScreen, setFullScreen] = useState(false);
  const [keyboardLocked, setKeyboardLocked] = useState(false);

  useEffect(() => {
    const onChange = () => {
      const active = Boolean(ref.current) && document.fullscreenElement === ref.current;
      setFullScreen(active);
      if (!active) {
        keyboardOf()?.unlock?.();
        setKeyboardLocked(false);
      }
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, [ref]);

  const enter = useCallback(async () => {
    if (!ref.current?.requestFullscreen) return;
    await ref.current.requestFullscreen();
    const keyboard = keyboardOf();
    if (keyboard?.lock) {
      // Refused outside full screen or without a user gesture: Esc then simply leaves.
      await keyboard.lock().then(
        () => setKeyboardLocked(true),
        () => setKeyboardLocked(false),
      );
    }
  }, [ref]);

  const exit = useCallback(async () => {
    if (document.fullscreenElement) await document.exitFullscreen();
  }, []);

  return { isFullScreen, keyboardLocked, enter, exit };
};
