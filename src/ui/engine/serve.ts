import { asAllotError } from '../../model/errors';
import { injectedFault } from './fault';
import type { EngineContext, EngineHandlers, EngineKind, FromEngine, MessageEnd, ToEngine } from './protocol';

/**
 * Answers engine calls arriving on `end` with `handlers`. A cancel aborts the call's signal; a
 * handler that checks it (or awaits between steps) stops early, and the call ends with a
 * cancelled error either way, so the caller never waits for work it gave up on. The handlers may
 * still be loading: calls are taken at once and answered when they are there.
 */
export function serveEngine(end: MessageEnd, handlers: EngineHandlers | Promise<EngineHandlers>): () => void {
  const running = new Map<number, AbortController>();
  const send = (message: FromEngine) => end.postMessage(message);
  const listener = (event: MessageEvent<ToEngine>) => {
    const message = event.data;
    if (message.type === 'cancel') {
      running.get(message.id)?.abort();
      return;
    }
    const { id, kind } = message;
    const controller = new AbortController();
    running.set(id, controller);
    const context: EngineContext<unknown> = {
      signal: controller.signal,
      progress: (progress) => {
        if (!controller.signal.aborted) send({ type: 'progress', id, progress });
      },
    };
    void run(handlers, message, context).then(
      (result) => {
        if (controller.signal.aborted) send({ type: 'error', id, error: asAllotError('cancelled').toData(), cancelled: true });
        else send({ type: 'result', id, kind, result } as FromEngine);
      },
      (error: unknown) => {
        // An engine fault is logged here, where its stack is; the user's mistakes are not faults.
        const allot = asAllotError(error);
        if (allot.family === 'engine' && !controller.signal.aborted) console.error('Allot engine:', error);
        send({ type: 'error', id, error: allot.toData(), cancelled: controller.signal.aborted });
      },
    ).finally(() => running.delete(id));
  };
  end.addEventListener('message', listener);
  return () => end.removeEventListener('message', listener);
}

async function run(handlers: EngineHandlers | Promise<EngineHandlers>, call: Extract<ToEngine, { type: 'call' }>, context: EngineContext<unknown>): Promise<unknown> {
  // A cancel posted right behind the call is read before this runs: never start work already given up.
  await Promise.resolve();
  context.signal.throwIfAborted();
  const loaded = await handlers;
  context.signal.throwIfAborted();
  injectedFault(call.kind);
  const handler = loaded[call.kind as EngineKind] as (params: unknown, context: EngineContext<unknown>) => unknown;
  return handler(call.params, context);
}
