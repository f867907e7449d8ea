import { Button, Form, Input, Space, Tag, Typography } from 'antd';
import { FormModal } from '../../../components/FormModal';
import { type MessageKey, useT } from '../../../i18n';
import { type DayHours, type Session, useSaveTimetable } from './api';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const MAX_SESSIONS = 3;
/** The usual timetable of a Chinese service hall: 上午 09:00–12:00, 下午 13:30–17:00. */
const USUAL: Session[] = [
  { from: '09:00', to: '12:00' },
  { from: '13:30', to: '17:00' },
];

interface Values {
  weeklyHours: { sessions: Session[] }[];
}

/** All seven days, Monday first, so a server field 'weeklyHours.<i>.sessions.<j>.to' lands on its input. */
const expand = (week: DayHours[] | null): Values => ({
  weeklyHours: WEEKDAYS.map((d) => ({ sessions: week?.find((x) => x.weekday === d)?.sessions ?? [] })),
});

/**
 * 办公时间 of the hall or one window: each weekday's sessions (up to three), e.g. 上午 09:00–12:00 and 下午
 * 13:30–17:00; a day without a session is closed. The server checks the times and names the wrong field.
 */
export function HoursModal(props: {
  hallId: string;
  /** null: the hall's own timetable. */
  windowId: string | null;
  title: string;
  week: DayHours[] | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useT();
  const save = useSaveTimetable(props.hallId);
  const day = (d: number) => t(`hours.weekday.${d}` as MessageKey);
  const part = (j: number) => t(`hours.session.${j}` as MessageKey);
  const onSubmit = async (v: Values) => {
    const weeklyHours = v.weeklyHours.map((d, i) => ({
      weekday: i + 1,
      sessions: (d.sessions ?? []).map((s) => ({ from: s.from?.trim() ?? '', to: s.to?.trim() ?? '' })),
    }));
    await save.mutateAsync({ windowId: props.windowId, weeklyHours });
    props.onSaved();
  };
  return (
    <FormModal<Values>
      name="hours"
      width={720}
      open
      title={props.title}
      initialValues={expand(props.week)}
      onCancel={props.onClose}
      onSubmit={onSubmit}
    >
      {(form) => (
        <>
          <Typography.Paragraph type="secondary">{t('hours.hint')}</Typography.Paragraph>
          <Space style={{ marginBottom: 12 }}>
            <Button
              onClick={() =>
                form.setFieldsValue({
                  weeklyHours: WEEKDAYS.map((d) => ({ sessions: d <= 5 ? USUAL.map((s) => ({ ...s })) : [] })),
                })
              }
            >
              {t('hours.fillUsual')}
            </Button>
          </Space>
          <Form.List name="weeklyHours">
            {(days) =>
              days.map((d, i) => (
                <div
                  key={d.key}
                  className="ow-hours-day"
                  style={{ display: 'flex', gap: 12, alignItems: 'flex-start', marginBottom: 4 }}
                >
                  <Typography.Text strong style={{ width: 48, lineHeight: '32px' }}>
                    {day(i + 1)}
                  </Typography.Text>
                  <Form.List name={[d.name, 'sessions']}>
                    {(sessions, { add, remove }) => (
                      <Space wrap align="start">
                        {sessions.length === 0 && <Tag style={{ lineHeight: '30px' }}>{t('hours.closed')}</Tag>}
                        {sessions.map((s, j) => (
                          <Space key={s.key} align="start" size={4}>
                            <Typography.Text type="secondary" style={{ lineHeight: '32px' }}>
                              {part(j)}
                            </Typography.Text>
                            <Form.Item
                              name={[s.name, 'from']}
                              rules={[{ required: true, message: t('hours.required') }]}
                              style={{ marginBottom: 8 }}
                            >
                              <Input
                                aria-label={`${day(i + 1)}${part(j)}${t('hours.from')}`}
                                placeholder="09:00"
                                style={{ width: 76 }}
                                maxLength={5}
                              />
                            </Form.Item>
                            <span style={{ lineHeight: '32px' }}>–</span>
                            <Form.Item
                              name={[s.name, 'to']}
                              rules={[{ required: true, message: t('hours.required') }]}
                              style={{ marginBottom: 8 }}
                            >
                              <Input
                                aria-label={`${day(i + 1)}${part(j)}${t('hours.to')}`}
                                placeholder="12:00"
                                style={{ width: 76 }}
                                maxLength={5}
                              />
                            </Form.Item>
                            <Button
                              type="link"
                              size="small"
                              style={{ marginTop: 4 }}
                              aria-label={`${t('hours.remove')}${day(i + 1)}${part(j)}`}
                              onClick={() => remove(s.name)}
                            >
                              {t('hours.remove')}
                            </Button>
                          </Space>
                        ))}
                        {sessions.length < MAX_SESSIONS && (
                          <Button
                            size="small"
                            style={{ marginTop: 4 }}
                            aria-label={`${day(i + 1)}${t('hours.add')}`}
                            onClick={() => add({ from: '', to: '' })}
                          >
                            {t('hours.add')}
                          </Button>
                        )}
                      </Space>
                    )}
                  </Form.List>
                </div>
              ))
            }
          </Form.List>
        </>
      )}
    </FormModal>
  );
}
