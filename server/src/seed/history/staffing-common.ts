/** What the staffing writers share: the rates of lateness, absence, leave and findings, and a moment of a hall day. */

export const staffingShares = { late: 0.04, absent: 0.006, leavesPerYear: 3, finding: 0.1, normFinding: 0.04 };

export const at = (day: string, minute: number) => Date.parse(`${day}T00:00:00+08:00`) + minute * 60_000;
