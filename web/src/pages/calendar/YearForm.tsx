import { App, Button, Card, Form, Input, InputNumber, Typography } from 'antd';
import { useLoadYear, useOfficialYears } from '../../api/calendar';
import { applyFieldError } from '../../api/formErrors';
import { formatTime } from '../../components/format';
import { useNotifyError } from '../../components/useNotifyError';
import { useT } from '../../i18n';

const dates = (s: string | undefined) =>
  (s ?? '')
    .split(/[\s,，、]+/)
    .map((d) => d.trim())
    .filter(Boolean);

/** 国务院节假日安排: a year's holidays and make-up working days, pasted as lists of dates. */
export function YearForm() {
  const t = useT();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const [form] = Form.useForm<{ year: number; holidays: string; workdays: string }>();
  const years = useOfficialYears();
  const load = useLoadYear();
  const submit = async (v: { year: number; holidays: string; workdays: string }) => {
    try {
      await load.mutateAsync({ year: v.year, holidays: dates(v.holidays), workdays: dates(v.workdays) });
      message.success(t('cal.yearLoaded', { year: v.year }));
    } catch (e) {
      if (!applyFieldError(form, e)) notify(e);
    }
  };
  return (
    <Card title={t('cal.yearTitle')} size="small">
      <Form form={form} layout="vertical" initialValues={{ year: new Date().getFullYear() + 1 }} onFinish={submit}>
        <Form.Item name="year" label={t('cal.year')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2199} />
        </Form.Item>
        <Form.Item name="holidays" label={t('cal.holidays')} extra={t('cal.datesHint')}>
          <Input.TextArea rows={4} />
        </Form.Item>
        <Form.Item name="workdays" label={t('cal.workdays')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={load.isPending}>
          {t('cal.loadYear')}
        </Button>
      </Form>
      {(years.data?.items.length ?? 0) > 0 && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('cal.loadedYears')}：{years.data?.items.map((y) => `${y.year}（${formatTime(y.loadedAt)}）`).join('、')}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
