/**
 * Runs a command-line service: `start` brings it up and returns how to stop it; SIGINT/SIGTERM
 * stop it once and exit 0 (1 if stopping fails); a failure to start prints the error and exits 1.
 */
export const runService = (start: () => Promise<() => Promise<void>>): void => {
  start().then(
    (stopService) => {
      let stopping = false;
      const stop = (): void => {
        if (stopping) return;
        stopping = true;
        stopService().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
};
