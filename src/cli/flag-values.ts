import { UsageError } from './cli-error';

/** A flag's whole-number value within [min, max], or undefined when the flag is absent; one line naming the flag otherwise. */
export function wholeNumber(text: string | undefined, flag: string, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${flag}: "${text}": give a whole number of at least ${min} and at most ${max}.`);
  return n;
}

/** A flag's share in (0, 1), given as 0.3 or 30%. */
export function share(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  const n = text.trim().endsWith('%') ? Number(text.trim().slice(0, -1)) / 100 : Number(text);
  if (!(n > 0 && n < 1)) throw new UsageError(`${flag}: "${text}": give a share between 0 and 1 (e.g. 0.5 or 50%).`);
  return n;
}
