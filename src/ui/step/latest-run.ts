import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isCancelled } from '../engine/engine-client';

/** Why a step has nothing to ask the engine yet: no leads loaded. */
export class NotReadyError extends Error {
  override name = 'NotReadyError';
  readonly missing = 'data' as const;
  constructor() {
    super('No data is loaded yet.');
  }
}

/**
 * A step's engine work, one run at a time: a newer run cancels the older one, and only the
 * newest decides `busy`. Whatever the last run showed stays on the host until the new one
 * replaces it. A cancelled run ends silently; a missing input (no data, no roster) is kept as
 * `notReady`, any other failure as `error`, both in words the step can show.
 */
export class LatestRun implements ReactiveController {
  busy = false;
  /** The error the last run ended with, as thrown (an AllotError from the engine): the step words it with `i18n.errorText`. */
  error: unknown = null;
  notReady: NotReadyError['missing'] | null = null;
  #current: AbortController | null = null;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected() {
    this.cancel();
  }

  /**
   * Runs `work` as the current run. `failed` hears an error the run did not survive (not a
   * cancellation), after `error` or `notReady` is set.
   */
  async start(work: (signal: AbortSignal) => Promise<void>, failed?: (error: unknown) => void): Promise<void> {
    this.#current?.abort();
    const run = (this.#current = new AbortController());
    this.busy = true;
    this.error = null;
    this.host.requestUpdate();
    try {
      await work(run.signal);
    } catch (error) {
      if (isCancelled(error) || run.signal.aborted) return;
      if (error instanceof NotReadyError) this.notReady = error.missing;
      else this.error = error;
      failed?.(error);
    } finally {
      if (this.#current === run) {
        this.busy = false;
        this.#current = null;
      }
      this.host.requestUpdate();
    }
  }

  /** Throws NotReadyError while no leads are loaded; having them means nothing is missing any more. */
  requireData(data: unknown): void {
    if (!data) throw new NotReadyError();
    this.notReady = null;
  }

  /** Ends the current run, if any; what it would have shown is not shown. */
  cancel() {
    this.#current?.abort();
    this.#current = null;
    if (this.busy) {
      this.busy = false;
      this.host.requestUpdate();
    }
  }
}
