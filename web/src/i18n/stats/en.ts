import type { statsZhCN } from './zh-CN';

export const statsEn: Record<keyof typeof statsZhCN, string> = {
  'sf.title': 'Windows needed per hour (forecast)',
  'sf.basis':
    'From {n} tickets of {from} to {to} (mean of the same weekday and hour over {weeks} weeks), Erlang C model',
  'sf.target': 'Target: ',
  'sf.targetLevel': 'of people called within',
  'sf.targetWait': 'minutes, forecast from the last',
  'sf.targetWeeks': 'weeks',
  'sf.saveTarget': 'Save target',
  'sf.targetSaved': 'Target saved; the forecast follows it',
  'sf.short': '{n} hours this week have fewer windows rostered than needed (red): adjust the roster',
  'sf.enough': 'Every hour this week has the windows the target needs',
  'sf.hour': 'Hour',
  'sf.cell': 'need {needed} / have {rostered}',
  'sf.closed': 'closed',
  'sf.tipArrivals': '{n} arrivals an hour expected, {m} minutes each on average',
  'sf.tipLevel': 'With {needed} windows {level}% are called in time',
  'sf.tipShort': '{n} windows short',
  'sf.legendShort': 'Short',
  'sf.legendOk': 'Enough',
  'sf.legendIdle': 'No demand',
};
