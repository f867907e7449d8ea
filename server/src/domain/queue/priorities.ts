/** Kinds of queue ticket. Green channel (绿色通道) is for urgent matters decided by staff. */
export const priorities = ['normal', 'green', 'elderly', 'disabled', 'appointment'] as const;
export type Priority = (typeof priorities)[number];

export type PriorityWeights = Record<Priority, number>;

/** Defaults; each hall may change them. Higher is called first. */
export const defaultPriorityWeights: PriorityWeights = {
  green: 300,
  disabled: 200,
  elderly: 200,
  appointment: 100,
  normal: 0,
};

export const defaultRecallLimit = 2;
export const defaultAppointmentEarlyMinutes = 10;
export const defaultRatingWindowMinutes = 30;

export const priorityNames: Record<Priority, { zh: string; en: string }> = {
  normal: { zh: '普通', en: 'Regular' },
  green: { zh: '绿色通道', en: 'Green channel' },
  elderly: { zh: '老年人优先', en: 'Elderly' },
  disabled: { zh: '残疾人优先', en: 'Disabled' },
  appointment: { zh: '预约', en: 'Appointment' },
};
