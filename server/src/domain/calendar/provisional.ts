/**
 * How a provisional date (待定) is written on paper: the date as computed, then why it may still move. A printed
 * date never stands without its flag: a notice with a forfeiture clause must not promise a day that may change.
 */
export const PROVISIONAL_NOTE = '（该年度法定节假日安排尚未公布，日期待定）';
export const PROVISIONAL_NOTE_EN =
  ' (the national holiday schedule for that year is not yet published; the date may change)';

/** `text` (the date as printed) with the note when the date is provisional. */
export const printedDate = (text: string, provisional: boolean | undefined): string =>
  provisional ? `${text}${PROVISIONAL_NOTE}` : text;
