/**
 * What a strict schema would have accepted where it met an unknown key, so an error can name the
 * key the user most likely meant (`attributs` → `attributes`).
 */
import { closest, distance } from 'fastest-levenshtein';
import type { ZodType } from 'zod';

interface DefLike {
  type: string;
  innerType?: ZodType;
  in?: ZodType;
  shape?: Record<string, ZodType>;
  element?: ZodType;
  items?: ZodType[];
  valueType?: ZodType;
  keyType?: ZodType;
  entries?: Record<string, unknown>;
  options?: ZodType[];
  left?: ZodType;
  right?: ZodType;
  getter?: () => ZodType;
}

const defOf = (schema: ZodType) => (schema as unknown as { _zod: { def: DefLike } })._zod.def;

/** The keys the object schema at `path` accepts, looking through optional, default, arrays, unions and records. */
export function keysAt(schema: ZodType, path: readonly PropertyKey[], depth = 0): string[] {
  if (depth > 64) return [];
  const def = defOf(schema);
  const on = (next: ZodType | undefined, rest = path) => (next ? keysAt(next, rest, depth + 1) : []);
  switch (def.type) {
    case 'optional': case 'nullable': case 'default': case 'prefault': case 'readonly': case 'catch': case 'nonoptional':
      return on(def.innerType);
    case 'pipe':
      return on(def.in);
    case 'lazy':
      return on(def.getter?.());
    case 'union':
      return [...new Set((def.options ?? []).flatMap((option) => on(option)))];
    case 'intersection':
      return [...on(def.left), ...on(def.right)];
    case 'object':
      if (path.length === 0) return Object.keys(def.shape ?? {});
      return on(def.shape?.[String(path[0])], path.slice(1));
    case 'array':
      return path.length === 0 ? [] : on(def.element, path.slice(1));
    case 'tuple':
      return path.length === 0 ? [] : on(def.items?.[Number(path[0])], path.slice(1));
    case 'record':
      // A record keyed by an enum (mapping.fields) knows its keys as an object does.
      if (path.length === 0) return def.keyType && defOf(def.keyType).type === 'enum' ? Object.keys(defOf(def.keyType).entries ?? {}) : [];
      return on(def.valueType, path.slice(1));
    default:
      return [];
  }
}

/** The known key a misspelt one most likely meant, or null when none is close. */
export function likelyKey(unknown: string, known: readonly string[]): string | null {
  if (known.length === 0) return null;
  const lower = known.map((k) => k.toLowerCase());
  const best = closest(unknown.toLowerCase(), lower);
  const close = distance(unknown.toLowerCase(), best) <= Math.max(2, Math.floor(best.length / 3));
  return close ? known[lower.indexOf(best)]! : null;
}
