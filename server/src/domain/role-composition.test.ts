import { describe, expect, it } from 'vitest';
import { powerClass } from './role-composition.ts';
import { roles } from './roles.ts';

describe('the class of every administrator permission', () => {
  // A permission only an administrator post holds is an administrator power: if it were classed as business, a custom
  // business role could carry it past 三权分立 (a new permission added to an administrator post must be classed too).
  it('classes each permission of an administrator post as that administrator’s power, shared or neutral', () => {
    const misclassed = roles
      .filter((r) => r.adminClass !== null)
      .flatMap((r) =>
        r.permissions
          .filter((p) => !['neutral', 'admin', r.adminClass].includes(powerClass(p)))
          .map((p) => `${r.code}: ${p} is ${powerClass(p)}`),
      );
    expect(misclassed).toEqual([]);
  });
});
