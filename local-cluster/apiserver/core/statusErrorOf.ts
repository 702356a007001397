import { StatusError } from './statusError';

/** For tests: the StatusError a call throws; fails when it throws nothing or something else. */
export const statusErrorOf = (fn: () => unknown): StatusError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof StatusError) return e;
    throw e;
  }
  throw new Error('expected a StatusError');
};
