/**
 * Adds a bundled library's stylesheet to the page once. Webpack imports such stylesheets as text
 * (see webpack.config.ts) because the console host owns the page's <head>.
 */
export const ensureStylesheet = (id: string, css: string): void => {
  if (typeof document === 'undefined' || document.getElementById(id)) return;
  const style = document.createElement('style');
  style.id = id;
  style.textContent = css;
  document.head.appendChild(style);
};
