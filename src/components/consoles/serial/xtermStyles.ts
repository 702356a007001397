import xtermCss from '@xterm/xterm/css/xterm.css';
import { ensureStylesheet } from '../../styles/ensureStylesheet';

/** Adds xterm.js's stylesheet to the page once. */
export const ensureXtermStyles = (): void =>
  ensureStylesheet('virt-console-plugin-xterm-css', xtermCss);
