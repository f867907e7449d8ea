/**
 * 领取提醒: a result the applicant was told to collect (通知领取) and has not collected is recalled once, on the first
 * working day after `days` working days have passed since the day they were told (counted on the hall calendar).
 */
export const DEFAULT_COLLECTION_REMINDER_DAYS = 3;

export interface WorkingDays {
  isWorkingDay(day: string): boolean;
  addWorkingDays(start: string, n: number): { deadline: string };
}

export function collectionReminderDue(calendar: WorkingDays, notifiedDay: string, today: string, days: number) {
  return calendar.isWorkingDay(today) && today > calendar.addWorkingDays(notifiedDay, days).deadline;
}

/** The reminder's dedupe key in the outbox: one per case, whatever the number of sweeps or nodes. */
export const collectionReminderKey = (caseId: string) => `collect:${caseId}:1`;
