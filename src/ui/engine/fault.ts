import { EngineError } from '../../model/errors';

/** The worker's name carries the kind of call to fail (see startEngine); nothing else reads it. */
export const FAULT_PREFIX = 'allot-engine fault:';

/** Throws the injected engine fault when this call is of the kind named in the worker's name. */
export function injectedFault(kind: string): void {
  const name = (globalThis as { name?: string }).name ?? '';
  if (name.startsWith(FAULT_PREFIX) && name.slice(FAULT_PREFIX.length).split(',').includes(kind)) {
    throw new EngineError(`injected fault in "${kind}" (engine-fault in the address)`);
  }
}
