/** 各岗位屏幕的空状态提示：叫号大屏、窗口叫号、待办事项。 */
export const screensZhCN = {
  'display.noCalls': '暂无叫号，请留意屏幕和语音提示',
  'window.chooseWindowFirst': '请先选择您所在的窗口，再开始叫号',
  'bo.inboxEmpty': '暂无待办办件',
  'bo.departmentInboxEmpty': '本部门暂无待办办件',
} as const;
