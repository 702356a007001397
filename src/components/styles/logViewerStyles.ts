import logViewerCss from '@patternfly/react-log-viewer/dist/esm/LogViewer/css/log-viewer.css';
import { ensureStylesheet } from './ensureStylesheet';

/** PatternFly's log viewer is an extension: its stylesheet is not in the console's PatternFly CSS. */
export const ensureLogViewerStyles = (): void =>
  ensureStylesheet('virt-console-plugin-log-viewer-css', logViewerCss);
