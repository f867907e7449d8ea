/** 工作日历管理界面的中文文案（并入 zh-CN.ts）。 */
export const calendarZhCN = {
  'menu.calendar': '工作日历',
  'cal.rules.title': '计时规则（办理时限如何计算）',
  'cal.rules.workday':
    '工作日：本厅设置（临时闭厅、地方假日、补班日）优先，其次为管理员录入的整年国务院安排，再次为系统内置的国务院安排；都没有的日期按周一至周五上班推算。',
  'cal.rules.limit':
    '时限 N 个工作日：受理当日不计，从次日起算，第 N 个工作日为截止日；N 为 0（即办件）时截止日即受理当日。例：2025年1月24日（周五）受理、3个工作日，截止 2025年2月5日（1月26日周日补班、27日、2月5日）。',
  'cal.rules.pause':
    '暂停计时（补正、听证、检验检测、专家评审）：暂停当日照常计入；自暂停次日起至恢复当日（含）之间的工作日不计；暂停未恢复时计时停止。暂停前已届满的时限不因暂停改变。',
  'cal.rules.extension':
    '延期办理：经站长批准延长的 M 个工作日直接加在时限上，按 N + M 个工作日计算，并书面告知申请人原因和新的办结日期。',
  'cal.rules.provisional':
    '待定：计算涉及的某年尚未公布（未内置、也未由管理员录入）国务院放假安排时，该年按周一至周五推算，结果标注“待定”；每年 11 月起如次年安排未录入，管理员会看到提醒。',
  'cal.rules.light':
    '红黄绿灯：截止日之后为红灯；剩余工作日不超过预警天数（默认 1 个工作日，可按事项设置）时为黄灯；其余为绿灯。已受理的办件沿用受理时的日历，管理员重新计算时留有审计记录。',
  'cal.title': '工作日历',
  'cal.working': '工作日',
  'cal.closed': '休息日',
  'cal.source.hall': '本厅设置',
  'cal.source.admin-year': '管理员录入',
  'cal.source.official': '国务院安排',
  'cal.source.statutory-rule': '法定固定假日（该年安排未公布）',
  'cal.source.weekday-rule': '按周一至周五推算',
  'cal.unpublished': '本月国务院安排尚未录入，按周一至周五推算',
  'cal.legend': '点击日期可设为休息日或工作日；本厅设置优先于国务院安排。',
  'cal.dayTitle': '{date} 的设置',
  'cal.now': '当前：{state}（{source}）',
  'cal.setAs': '设为',
  'cal.note': '说明',
  'cal.notePlaceholder': '如：年终盘点闭厅',
  'cal.removeSetting': '取消本厅设置',
  'cal.import': '批量导入本厅设置',
  'cal.importButton': '导入',
  'cal.badLine': '第 {n} 行格式不对，应为：YYYY-MM-DD,closed|working,说明',
  'cal.nothing': '请粘贴要导入的日期',
  'cal.imported': '已导入 {n} 天',
  'cal.yearTitle': '录入国务院节假日安排',
  'cal.year': '年份',
  'cal.holidays': '放假日期',
  'cal.workdays': '调休上班日期',
  'cal.datesHint': '每个日期 YYYY-MM-DD，用逗号、空格或换行分隔',
  'cal.loadYear': '保存该年安排',
  'cal.yearLoaded': '{year} 年安排已保存',
  'cal.loadedYears': '已录入',
  'cal.missingYear': '尚未录入 {year} 年国务院节假日安排，涉及该年的办理时限将标注为待定。',
  'cal.goLoad': '去录入',
};
