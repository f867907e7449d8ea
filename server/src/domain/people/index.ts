/**
 * Pure rules of the hall's people beyond their accounts: training (培训), discipline and rewards (奖惩), and
 * the follow-up tasks of regular meetings (例会).
 */

export const trainingKinds = ['internal', 'external', 'online', 'case_study'] as const;
export type TrainingKind = (typeof trainingKinds)[number];
export const trainingKindLabels: Record<TrainingKind, string> = {
  internal: '内部培训',
  external: '外派培训',
  online: '线上培训',
  case_study: '案例教学',
};

export const trainingSubjects = ['pre_post', 'confidentiality', 'system_use', 'business', 'other'] as const;
export type TrainingSubject = (typeof trainingSubjects)[number];
export const trainingSubjectLabels: Record<TrainingSubject, string> = {
  pre_post: '岗前培训',
  confidentiality: '保密培训',
  system_use: '系统使用培训',
  business: '业务培训',
  other: '其他',
};

/** What a person must have passed before opening a window or taking a case step. */
export const requiredBeforePost: readonly TrainingSubject[] = ['pre_post'];

/** The subjects of `required` that none of the passed records covers, in the order required. */
export function missingTraining(
  passedSubjects: Iterable<string>,
  required: readonly TrainingSubject[] = requiredBeforePost,
): TrainingSubject[] {
  const passed = new Set(passedSubjects);
  return required.filter((s) => !passed.has(s));
}

/** A session is passed by attending it and, where it was assessed, scoring at least the plan's pass mark. */
export function sessionPassed(attended: boolean, score: number | null, passScore: number): boolean {
  if (!attended) return false;
  return score === null ? passScore <= 0 : score >= passScore;
}

/** Training hours from minutes, to one decimal place (the staff file shows hours). */
export const hoursOf = (minutes: number) => Math.round(minutes / 6) / 10;

export const conductKinds = ['sanction', 'reward'] as const;
export type ConductKind = (typeof conductKinds)[number];

export const conductCategories = ['service', 'integrity', 'attendance', 'training', 'performance', 'other'] as const;
export type ConductCategory = (typeof conductCategories)[number];
export const conductCategoryLabels: Record<ConductCategory, string> = {
  service: '服务规范',
  integrity: '廉洁纪律',
  attendance: '考勤纪律',
  training: '培训学习',
  performance: '工作业绩',
  other: '其他',
};

/** The measures of each kind (R19.10: 警告、通报批评、岗位调整、罚款、解除劳动合同; 表扬、嘉奖、奖金). */
export const conductMeasures = {
  sanction: ['reminder', 'warning', 'criticism', 'post_adjustment', 'fine', 'dismissal'],
  reward: ['praise', 'commendation', 'bonus', 'honour'],
} as const satisfies Record<ConductKind, readonly string[]>;
export type ConductMeasure = (typeof conductMeasures)[ConductKind][number];
export const conductMeasureLabels: Record<ConductMeasure, string> = {
  reminder: '提醒谈话',
  warning: '警告',
  criticism: '通报批评',
  post_adjustment: '岗位调整',
  fine: '罚款',
  dismissal: '解除劳动合同',
  praise: '口头表扬',
  commendation: '通报表扬',
  bonus: '奖金奖励',
  honour: '评优评先',
};

export const isMeasureOf = (kind: ConductKind, measure: string): measure is ConductMeasure =>
  (conductMeasures[kind] as readonly string[]).includes(measure);

/** Only the person the record is about acknowledges it (签收确认), and only once. */
export function acknowledgementRefusal(
  record: { userId: string; status: string },
  actorUserId: string,
): { zh: string; en: string } | null {
  if (record.userId !== actorUserId)
    return { zh: '只有本人可以签收确认该记录', en: 'Only the person concerned can acknowledge the record' };
  if (record.status !== 'pending_ack') return { zh: '该记录已签收确认', en: 'The record is already acknowledged' };
  return null;
}

export type TaskLight = 'done' | 'overdue' | 'due_today' | 'open';

/** A follow-up task's light on its owner's list: red once the due day has passed and it is not done. */
export function taskLight(status: string, dueDay: string, today: string): TaskLight {
  if (status === 'done') return 'done';
  if (today > dueDay) return 'overdue';
  return today === dueDay ? 'due_today' : 'open';
}
