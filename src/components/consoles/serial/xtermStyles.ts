import xtermCss from '@xterm/xterm/css/xterm.css';

const STYLE_ID = 'virt-console-plugin-xterm-css';

/** Adds xterm.js's stylesheet to the page once (webpack imports it as text, see webpack.config.ts). */
export const ensureXtermStyles = (): void => {
  if (typeof document === 'undefined' || document.getElementById(STYLE_ID)) return;
  const style = document.createElement('style');
  style.id = STYLE_ID;
  style.textContent = xtermCss;
  document.head.appendChild(style);
};
