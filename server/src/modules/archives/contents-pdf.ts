/** 卷内目录: the contents list of an archive file, printed on A4 from the case's documents, files, scans and trail. */
import type { DocumentModel } from '../../platform/pdf/model.ts';
import { chinaDay } from '../../platform/clock.ts';

interface FileHeading {
  archiveNo: string;
  categoryName: string;
  caseNo: string | null;
  itemName: string;
  applicantName: string;
  outcomeLabel: string;
  confidentialityLabel: string;
  paperYears: number;
  paperUntil: string;
  electronicUntil: string | null;
  filedAt: number;
  filedBy: string;
}

const day = (ms: number) => (ms ? chinaDay(ms) : '');

export function contentsModel(
  hallName: string,
  f: FileHeading,
  contents: { no: number; ref: string; title: string; at: number; note: string }[],
  trail: { at: number; by: string; action: string; fromState: string | null; toState: string }[],
  stateLabel: (s: string) => string,
): DocumentModel {
  return {
    hallName,
    title: '卷内目录',
    number: f.archiveNo,
    blocks: [
      {
        kind: 'fields',
        rows: [
          { label: '档号', value: f.archiveNo },
          { label: '类别', value: f.categoryName },
          { label: '办件编号', value: f.caseNo ?? '（未受理）' },
          { label: '办理结果', value: f.outcomeLabel },
          { label: '事项名称', value: f.itemName, wide: true },
          { label: '申请人', value: f.applicantName },
          { label: '密级', value: f.confidentialityLabel },
          { label: '纸质保管期限', value: `${f.paperYears}年（至${f.paperUntil}）` },
          { label: '电子档案', value: f.electronicUntil ? `保存至${f.electronicUntil}` : '永久保存' },
          { label: '立卷人', value: f.filedBy },
          { label: '归档日期', value: day(f.filedAt) },
        ],
      },
      { kind: 'heading', text: '卷内文件' },
      {
        kind: 'table',
        columns: [
          { title: '序号', width: 0.08, align: 'center' },
          { title: '文号/编号', width: 0.32 },
          { title: '题名', width: 0.34 },
          { title: '日期', width: 0.14, align: 'center' },
          { title: '备注', width: 0.12 },
        ],
        rows: contents.map((c) => [String(c.no), c.ref, c.title, day(c.at), c.note]),
      },
      { kind: 'heading', text: '办件流转记录' },
      {
        kind: 'table',
        columns: [
          { title: '日期', width: 0.16, align: 'center' },
          { title: '经办人', width: 0.18 },
          { title: '环节', width: 0.3 },
          { title: '状态', width: 0.36 },
        ],
        rows: trail.map((t) => [
          day(t.at),
          t.by,
          t.action,
          `${t.fromState ? `${stateLabel(t.fromState)} → ` : ''}${stateLabel(t.toState)}`,
        ]),
      },
      { kind: 'signatures', lines: [{ label: '立卷人' }, { label: '检查人' }] },
    ],
    footer: `${hallName} 档案室 · 档号 ${f.archiveNo} · 本目录由办件记录生成`,
  };
}
