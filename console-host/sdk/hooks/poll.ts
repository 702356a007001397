/** A poll loop without React (pure apart from timers): the engine of usePrometheusPoll. */

export type PollOptions<T> = {
  /** One request; it must give up when `signal` aborts. */
  request: (signal: AbortSignal) => Promise<T>;
  /** Ms between the end of one request and the start of the next; falsy = request once. */
  delay?: number;
  onData: (data: T) => void;
  /** Failures other than the abort of a stopped poll. */
  onError: (error: unknown) => void;
};

/**
 * Requests at once, then `delay` ms after each answer (requests never overlap). The returned stop
 * function aborts the request in flight and cancels the next; nothing is reported after it.
 */
export const startPoll = <T>({ request, delay, onData, onError }: PollOptions<T>): (() => void) => {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tick = () => {
    request(controller.signal)
      .then(
        (data) => {
          if (!controller.signal.aborted) onData(data);
        },
        (error: unknown) => {
          if (!controller.signal.aborted) onError(error);
        },
      )
      .finally(() => {
        if (!controller.signal.aborted && delay) timer = setTimeout(tick, delay);
      });
  };
  tick();
  return () => {
    controller.abort();
    clearTimeout(timer);
  };
};
