/**
 * 通知事件: what causes a notice to an applicant, whether the law requires it (a legal notice is sent even to an
 * applicant who opted out), the variables its template may use, and the default Chinese template.
 */
export const noticeEvents = [
  'accepted',
  'one_time_notice',
  'refused',
  'supplement_received',
  'suspended',
  'resumed',
  'extended',
  'terminated',
  'result_ready',
  'collection_reminder',
  'consult_reply_due',
  'appointment_confirmed',
  'appointment_reminder',
  'appointment_changed',
  'appointment_cancelled',
  'prereview_passed',
  'prereview_returned',
  'survey_invitation',
  'rerate_invitation',
  // 投诉举报与异议 (R9, R19.9)
  'complaint_received',
  'complaint_progress',
  'complaint_replied',
  'objection_answered',
  'ab_uncovered',
] as const;
export type NoticeEvent = (typeof noticeEvents)[number];

export const noticeChannels = ['sms', 'email', 'inapp'] as const;
export type NoticeChannel = (typeof noticeChannels)[number];

export const noticeStates = ['pending', 'sent', 'failed', 'unconfigured', 'opted_out'] as const;
export type NoticeState = (typeof noticeStates)[number];

export const channelLabels: Record<NoticeChannel, { zh: string; en: string }> = {
  sms: { zh: '短信', en: 'SMS' },
  email: { zh: '电子邮件', en: 'E-mail' },
  inapp: { zh: '站内（办件公示页）', en: 'In-app (public case page)' },
};

export const stateLabels: Record<NoticeState, { zh: string; en: string }> = {
  pending: { zh: '待发送', en: 'Queued' },
  sent: { zh: '已发送', en: 'Sent' },
  failed: { zh: '发送失败', en: 'Failed' },
  unconfigured: { zh: '未发送（未配置通道）', en: 'Not sent (channel not configured)' },
  opted_out: { zh: '未发送（申请人已退订）', en: 'Not sent (applicant opted out)' },
};

export interface EventDefinition {
  zh: string;
  en: string;
  /** Required by law or the hall's rules: sent whatever the applicant's opt-out says. */
  legal: boolean;
  variables: readonly string[];
  subject: string;
  body: string;
}

/** Variables every template may use. */
export const commonVariables = ['hallName', 'hallPhone', 'applicantName', 'caseNo', 'itemName', 'progressUrl'] as const;

export const variableLabels: Record<string, string> = {
  hallName: '大厅名称',
  hallPhone: '大厅电话',
  hallAddress: '大厅地址',
  applicantName: '申请人',
  caseNo: '办件编号',
  itemName: '事项名称',
  progressUrl: '进度查询网址',
  deadline: '承诺办结日期',
  missingItems: '需补正的材料',
  supplementDeadline: '补正期限',
  reason: '原因',
  extraDays: '延长工作日数',
  outcome: '办理结果',
  place: '领取地点',
  replyDue: '答复日期',
  question: '咨询事项',
  appointmentTime: '预约时间',
  appointmentCode: '预约码',
  prereviewNo: '预审编号',
  note: '备注',
  surveyUrl: '评价网址',
  complaintNo: '投诉举报编号',
  kindLabel: '投诉或举报',
  dueDay: '答复期限',
  stateLabel: '办理状态',
  staffName: '不在岗人员',
  bName: 'B岗人员',
};

const def = (
  zh: string,
  en: string,
  legal: boolean,
  variables: readonly string[],
  subject: string,
  body: string,
): EventDefinition => ({ zh, en, legal, variables: [...commonVariables, ...variables], subject, body });

export const eventDefinitions: Record<NoticeEvent, EventDefinition> = {
  accepted: def(
    '受理通知',
    'Accepted',
    true,
    ['deadline'],
    '【{hallName}】您的申请已受理',
    '{applicantName}您好：您申请的“{itemName}”已受理，办件编号{caseNo}，承诺于{deadline}前办结。进度可在{progressUrl}查询。',
  ),
  one_time_notice: def(
    '一次性告知',
    'One-time notice',
    true,
    ['missingItems', 'supplementDeadline'],
    '【{hallName}】请补正申请材料',
    '{applicantName}您好：您申请的“{itemName}”需补正以下材料：{missingItems}。请于{supplementDeadline}前到{hallName}补正。咨询电话{hallPhone}。',
  ),
  refused: def(
    '不予受理',
    'Refused',
    true,
    ['reason'],
    '【{hallName}】不予受理告知',
    '{applicantName}您好：您申请的“{itemName}”不予受理，原因：{reason}。详情请咨询{hallPhone}。',
  ),
  supplement_received: def(
    '补正材料已收到',
    'Supplement received',
    true,
    [],
    '【{hallName}】补正材料已收到',
    '{applicantName}您好：您为“{itemName}”（{caseNo}）补正的材料已收到，我们将继续办理。',
  ),
  suspended: def(
    '暂停计时',
    'Clock suspended',
    true,
    ['reason'],
    '【{hallName}】办件暂停计时',
    '{applicantName}您好：您的办件{caseNo}（{itemName}）因{reason}暂停计时，恢复后将另行通知。',
  ),
  resumed: def(
    '恢复计时',
    'Clock resumed',
    true,
    ['deadline'],
    '【{hallName}】办件恢复办理',
    '{applicantName}您好：您的办件{caseNo}（{itemName}）已恢复办理，承诺于{deadline}前办结。',
  ),
  extended: def(
    '延期办理',
    'Extended',
    true,
    ['extraDays', 'deadline', 'reason'],
    '【{hallName}】延期办理告知',
    '{applicantName}您好：您的办件{caseNo}（{itemName}）因{reason}延长{extraDays}个工作日，预计于{deadline}前办结。',
  ),
  terminated: def(
    '终止办理',
    'Terminated',
    true,
    ['reason'],
    '【{hallName}】终止办理告知',
    '{applicantName}您好：您的办件{caseNo}（{itemName}）已终止办理，原因：{reason}。',
  ),
  result_ready: def(
    '结果可领取',
    'Result ready',
    true,
    ['outcome', 'place'],
    '【{hallName}】办理结果可领取',
    '{applicantName}您好：您的办件{caseNo}（{itemName}）已办结，请携带身份证件到{place}领取结果。咨询电话{hallPhone}。',
  ),
  collection_reminder: def(
    '领取提醒',
    'Collection reminder',
    false,
    ['place'],
    '【{hallName}】请领取办理结果',
    '{applicantName}您好：您的办件{caseNo}（{itemName}）的结果尚未领取，请尽快到{place}领取。',
  ),
  consult_reply_due: def(
    '咨询答复时限',
    'Consultation reply due',
    true,
    ['question', 'replyDue'],
    '【{hallName}】咨询答复时限',
    '您好：您咨询的“{question}”将于{replyDue}前答复。咨询电话{hallPhone}。',
  ),
  appointment_confirmed: def(
    '预约成功',
    'Appointment confirmed',
    false,
    ['appointmentTime', 'appointmentCode'],
    '【{hallName}】预约成功',
    '{applicantName}您好：您已预约{appointmentTime}到{hallName}办理“{itemName}”，请按时到达。',
  ),
  appointment_reminder: def(
    '预约提醒',
    'Appointment reminder',
    false,
    ['appointmentTime', 'appointmentCode'],
    '【{hallName}】预约提醒',
    '{applicantName}您好：提醒您{appointmentTime}到{hallName}办理“{itemName}”。',
  ),
  appointment_changed: def(
    '预约改约',
    'Appointment changed',
    false,
    ['appointmentTime', 'appointmentCode'],
    '【{hallName}】预约已改约',
    '{applicantName}您好：您办理“{itemName}”的预约已改为{appointmentTime}，预约码{appointmentCode}不变，请按时到达。',
  ),
  appointment_cancelled: def(
    '预约取消',
    'Appointment cancelled',
    false,
    ['appointmentTime', 'appointmentCode'],
    '【{hallName}】预约已取消',
    '{applicantName}您好：您{appointmentTime}办理“{itemName}”的预约（预约码{appointmentCode}）已取消。如需办理请重新预约。',
  ),
  prereview_passed: def(
    '预审通过',
    'Pre-review passed',
    true,
    ['prereviewNo', 'appointmentTime', 'note'],
    '【{hallName}】网上预审通过',
    '{applicantName}您好：您提交的“{itemName}”网上预审（{prereviewNo}）已通过，请于{appointmentTime}携带原件到{hallName}办理。{note}',
  ),
  prereview_returned: def(
    '预审退回',
    'Pre-review returned',
    true,
    ['prereviewNo', 'reason'],
    '【{hallName}】网上预审退回',
    '{applicantName}您好：您提交的“{itemName}”网上预审（{prereviewNo}）需补正：{reason}。请修改后重新提交。',
  ),
  survey_invitation: def(
    '满意度评价邀请',
    'Survey invitation',
    false,
    ['surveyUrl'],
    '【{hallName}】邀请您评价',
    '{applicantName}您好：您的办件{caseNo}已办结，欢迎在{surveyUrl}对本次服务进行评价。',
  ),
  rerate_invitation: def(
    '整改完成再次评价邀请',
    'Rectified: rate again',
    false,
    ['surveyUrl'],
    '【{hallName}】整改完成，请再次评价',
    '{applicantName}您好：您对办件{caseNo}的意见我们已核实整改，整改完成，请在{surveyUrl}再次评价。感谢您的监督。',
  ),
  complaint_received: def(
    '投诉举报受理',
    'Complaint received',
    true,
    ['complaintNo', 'kindLabel', 'dueDay'],
    '【{hallName}】{kindLabel}已受理',
    '{applicantName}您好：您反映的{kindLabel}已登记受理，编号{complaintNo}，我们将于{dueDay}前书面答复。',
  ),
  complaint_progress: def(
    '投诉举报进展',
    'Complaint progress',
    true,
    ['complaintNo', 'kindLabel', 'dueDay', 'stateLabel'],
    '【{hallName}】{kindLabel}处理进展',
    '{applicantName}您好：您反映的{kindLabel}（编号{complaintNo}）目前{stateLabel}，将于{dueDay}前书面答复。',
  ),
  complaint_replied: def(
    '投诉举报答复',
    'Complaint replied',
    true,
    ['complaintNo', 'kindLabel'],
    '【{hallName}】{kindLabel}已答复',
    '{applicantName}您好：您反映的{kindLabel}（编号{complaintNo}）已书面答复，请凭编号和查询码查看答复并评价处理结果。',
  ),
  objection_answered: def(
    '异议答复',
    'Objection answered',
    true,
    ['outcome'],
    '【{hallName}】异议复核结果',
    '{applicantName}您好：您对办件{caseNo}提出的异议已复核：{outcome}。书面答复请到{hallName}领取或在办件公示页查看。',
  ),
  // AB岗: to the hall's supervisor (staff, in-app), when a person is away and their B is away too.
  ab_uncovered: def(
    'AB岗缺位',
    'AB post uncovered',
    false,
    ['staffName', 'bName', 'reason'],
    '【{hallName}】AB岗缺位，请安排临时顶岗',
    '{staffName}不在岗（{reason}），B岗{bName}也不在岗，其待办无人接办，请即安排临时顶岗。',
  ),
};

export const isNoticeEvent = (e: string): e is NoticeEvent => Object.hasOwn(eventDefinitions, e);
