/** Pieces every reception document shares: the parties grid and the footer. */
import { printedDate } from '../../../domain/calendar/index.ts';
import type { Block } from '../../../platform/pdf/model.ts';
import type { Party } from './content.ts';

export interface HallInfo {
  name: string;
  address: string;
  phone: string;
}

/** '2026-03-09' → '2026年3月9日', as dates are written on official paper. */
export function chineseDate(day: string): string {
  const [y, m, d] = day.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/** A computed date on paper: the official form, and the 待定 note when its year's schedule is not published. */
export const officialDate = (day: string, provisional: boolean | undefined): string =>
  printedDate(chineseDate(day), provisional);

export function partyRows(
  applicant: Party,
  agent: Party | null,
  attorneyChecked: boolean,
): Extract<Block, { kind: 'fields' }>['rows'] {
  const rows = [
    { label: applicant.kind === 'enterprise' ? '申请单位' : '申请人', value: applicant.name },
    { label: applicant.docTypeLabel, value: applicant.docNumber },
  ];
  if (applicant.kind === 'enterprise' && applicant.legalRepresentative) {
    rows.push({ label: '法定代表人', value: applicant.legalRepresentative });
  }
  rows.push({ label: '联系电话', value: applicant.phone });
  if (agent) {
    rows.push(
      { label: '代理人', value: agent.name },
      { label: agent.docTypeLabel, value: agent.docNumber },
      { label: '代理人电话', value: agent.phone },
      { label: '授权委托书', value: attorneyChecked ? '已核验' : '未核验' },
    );
  }
  return rows;
}

export const hallFooter = (hall: HallInfo, extra = '') =>
  [`${hall.name}  地址：${hall.address}  咨询电话：${hall.phone}`, extra].filter(Boolean).join('\n');
