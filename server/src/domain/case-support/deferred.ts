/**
 * Materials deferred at 容缺受理: each is due by the supplement deadline of the signed promise. Nothing of such
 * a case may be approved before they are all in, unless the item allows it; one past due lets the case be ended.
 * Pure: no I/O.
 */

export interface DeferredMaterial {
  key: string;
  name: string;
  /** The last day the applicant may hand it in ('YYYY-MM-DD'). */
  dueDay: string;
}

export type DeferredStatus = 'arrived' | 'pending' | 'overdue';

/** Arrived once recorded (late or not); otherwise pending through its due day and overdue after it. */
export function deferredStatus(m: DeferredMaterial, arrivedKeys: ReadonlySet<string>, today: string): DeferredStatus {
  if (arrivedKeys.has(m.key)) return 'arrived';
  return today > m.dueDay ? 'overdue' : 'pending';
}

export const outstandingMaterials = (materials: readonly DeferredMaterial[], arrivedKeys: ReadonlySet<string>) =>
  materials.filter((m) => !arrivedKeys.has(m.key));

export type ApprovalCheck = { ok: true } | { ok: false; outstanding: DeferredMaterial[] };

/** May the case be approved? Only when every deferred material is in, or the item says approval may go first. */
export function approvalCheck(
  materials: readonly DeferredMaterial[],
  arrivedKeys: ReadonlySet<string>,
  itemAllows: boolean,
): ApprovalCheck {
  if (itemAllows) return { ok: true };
  const outstanding = outstandingMaterials(materials, arrivedKeys);
  return outstanding.length ? { ok: false, outstanding } : { ok: true };
}

/** The materials whose promised day has passed without them: the grounds for ending the case (终止). */
export const overdueMaterials = (
  materials: readonly DeferredMaterial[],
  arrivedKeys: ReadonlySet<string>,
  today: string,
) => materials.filter((m) => deferredStatus(m, arrivedKeys, today) === 'overdue');
