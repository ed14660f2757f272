// Every handler runs through a guard: an exception (bad params from a client, an engine bug) is
// logged and the client gets an empty answer; the server keeps running.
import type { Logger } from './session';

export function guard<P extends unknown[], R>(log: Logger, name: string, fn: (...args: P) => R, fallback: R): (...args: P) => R {
  return (...args: P) => {
    try {
      return fn(...args);
    } catch (e) {
      log.error(`${name} failed: ${(e as Error)?.stack ?? e}`);
      return fallback;
    }
  };
}

export function guardAsync<P extends unknown[], R>(log: Logger, name: string, fn: (...args: P) => Promise<R> | R, fallback: R): (...args: P) => Promise<R> {
  return async (...args: P) => {
    try {
      return await fn(...args);
    } catch (e) {
      log.error(`${name} failed: ${(e as Error)?.stack ?? e}`);
      return fallback;
    }
  };
}
