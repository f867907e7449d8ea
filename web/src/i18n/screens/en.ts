import type { screensZhCN } from './zh-CN';

/** Empty-state messages of the role screens: hall display, window calling, inbox. */
export const screensEn: Record<keyof typeof screensZhCN, string> = {
  'display.noCalls': 'No calls yet — watch this screen and listen for your number',
  'window.chooseWindowFirst': 'Choose your window first, then start calling',
  'bo.inboxEmpty': 'Nothing to do right now',
  'bo.departmentInboxEmpty': 'Nothing waiting in your department',
  'kiosk.returnsIn': 'Back to the start in {n} s',
  'kiosk.reprint': 'Print again',
  'kiosk.slipHint': 'Watch the display and listen for your number; scan to follow the queue on your phone',
  'display.notices': 'Notices',
  'display.crowding': 'Please note',
  'setup.kioskIdle': 'Kiosk returns to start after (s)',
  'setup.displayNotices': 'Display notices (one per line)',
  'guide.blankForm': 'Blank form',
  'guide.sample': 'Sample',
  'catalog.files': 'Form / sample',
  'catalog.upload': 'Upload',
  'catalog.replace': 'Replace',
  'catalog.removeFile': 'Remove file',
  'catalog.uploaded': 'Uploaded "{name}"; the public sees it once published',
  'setup.noticesLimit': 'At most 6 notices of up to 120 characters each',
  'materials.copiesUnit': 'copies',
  'catalog.fileRemoved': 'File removed; the public sees it once published',
};
