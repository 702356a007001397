/**
 * The serial console's session log: what the guest printed, kept across reconnects, as plain
 * text for download (terminal control sequences removed, line ends normalised).
 */

/** CSI, OSC and other ESC sequences a terminal interprets but a log file should not hold. */
// eslint-disable-next-line no-control-regex
const ESCAPES = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b[@-Z\\-_]/g;
// eslint-disable-next-line no-control-regex
const OTHER_CONTROLS = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g;

/** Plain text of terminal output: escapes and controls dropped, CR LF / lone CR to LF. */
export const terminalOutputToText = (output: string): string =>
  output
    .replace(ESCAPES, '')
    .replace(/\r\n/g, '\n')
    .replace(/\r/g, '\n')
    .replace(OTHER_CONTROLS, '');

/** A marker line written into the log when a session (re)starts. */
export const sessionMarker = (when: Date, attempt: number): string =>
  `\n--- ${attempt > 0 ? 'reconnected' : 'connected'} ${when.toISOString()} ---\n`;

/** The download name of a VM's serial log: `<ns>-<name>-serial-<UTC timestamp>.log`. */
export const serialLogFileName = (namespace: string, name: string, when: Date): string =>
  `${namespace}-${name}-serial-${when.toISOString().replace(/[:.]/g, '-')}.log`;
