import type { screensZhCN } from './zh-CN';

/** Empty-state messages of the role screens: hall display, window calling, inbox. */
export const screensEn: Record<keyof typeof screensZhCN, string> = {
  'display.noCalls': 'No calls yet — watch this screen and listen for your number',
  'window.chooseWindowFirst': 'Choose your window first, then start calling',
  'bo.inboxEmpty': 'Nothing to do right now',
  'bo.departmentInboxEmpty': 'Nothing waiting in your department',
};
