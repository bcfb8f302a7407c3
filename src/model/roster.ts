import { z } from 'zod';

/** One rep of the roster (DESIGN §2.2). Skills are tags such as `region:East` or `lang:zh`. */
export const RepSchema = z.strictObject({
  rep_id: z.string().min(1),
  name: z.string().min(1),
  team: z.string().default(''),
  tier: z.string().default(''),
  skills: z.array(z.string().min(1)).default([]),
  capacity_per_week: z.number().nonnegative(),
  max_open: z.number().nonnegative().nullable().default(null),
  active: z.boolean().default(true),
  crm_user: z.string().default(''),
  working_hours: z.string().nullable().default(null),
  time_zone: z.string().nullable().default(null),
  absences: z.array(z.string()).default([]),
});

export type Rep = z.infer<typeof RepSchema>;

export interface Roster {
  reps: Rep[];
  /** `file` when read from a roster file, `inferred` when derived from the owners in the history. */
  origin: 'file' | 'inferred';
  /** Why each inferred value is what it is, so the user can judge and edit it. */
  notes: string[];
}

/** A rep as a person reads it: `r01 (王芳)`, or the id alone when the name is the id (an inferred roster). */
export function repLabel(rep: { rep_id: string; name: string }): string {
  return rep.name && rep.name !== rep.rep_id ? `${rep.rep_id} (${rep.name})` : rep.rep_id;
}
