import type { Actor } from '../../platform/context.ts';

/** Who inspects: draws samples, records findings, verifies rectifications, sees the hall's notices. */
export const inspects = (actor: Actor) => actor.permissions.has('inspection.manage');
