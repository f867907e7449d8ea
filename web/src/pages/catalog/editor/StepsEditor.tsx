import { Alert, AutoComplete, Card, Form, InputNumber, Select, Tag, Typography } from 'antd';
import type { FormListFieldData } from 'antd/es/form';
import type { ColumnsType } from 'antd/es/table';
import type { Step } from '../../../api/types';
import { useDepartmentOptions } from '../../../components/HallSelect';
import { useT } from '../../../i18n';
import { ROLE_CODES } from '../../accounts/roleOptions';
import { newStep } from './formModel';
import { ListTable } from './ListTable';
import { RowActions } from './RowActions';

/** Working days the process needs: parallel steps (same order) count once, by their longest limit. */
function processDays(steps: Partial<Step>[]): number {
  const longest = new Map<number, number>();
  for (const s of steps) {
    if (typeof s?.order !== 'number') continue;
    longest.set(s.order, Math.max(longest.get(s.order) ?? 0, s.limitDays ?? 0));
  }
  return [...longest.values()].reduce((a, b) => a + b, 0);
}

const STEP_NAMES = ['受理', '审核', '审批', '决定', '办结', '送达', '现场勘查', '专家评审'];
const STAFF_ROLES = ROLE_CODES.filter((r) => r !== 'applicant');
const cell = { style: { margin: 0 } };

/** Editable 办理流程: steps with the same order number run in parallel (并联). */
export function StepsEditor({ readOnly }: { readOnly: boolean }) {
  const t = useT();
  const form = Form.useFormInstance();
  const hallId: string | undefined = Form.useWatch('hallId', form);
  const steps: Partial<Step>[] | undefined = Form.useWatch('steps', form);
  const depts = useDepartmentOptions(hallId);

  const orderCounts = new Map<number, number>();
  for (const s of steps ?? [])
    if (typeof s?.order === 'number') orderCounts.set(s.order, (orderCounts.get(s.order) ?? 0) + 1);
  const isParallel = (i: number) => {
    const o = steps?.[i]?.order;
    return typeof o === 'number' && (orderCounts.get(o) ?? 0) > 1;
  };
  const promisedDays: number | undefined = Form.useWatch('promisedDays', form);
  const totalDays = processDays(steps ?? []);
  const exceeds = typeof promisedDays === 'number' && totalDays > promisedDays;
  const nextOrder = () => Math.max(0, ...(steps ?? []).map((s) => s?.order ?? 0)) + 1;

  const columns = (
    count: number,
    move: (a: number, b: number) => void,
    remove: (i: number) => void,
  ): ColumnsType<FormListFieldData> => [
    {
      title: t('steps.order'),
      key: 'order',
      width: 100,
      render: (_, f, i) => (
        <div style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
          <Form.Item {...cell} name={[f.name, 'order']} rules={[{ required: true, type: 'integer', min: 1 }]}>
            <InputNumber aria-label={t('steps.order')} min={1} precision={0} style={{ width: 52 }} />
          </Form.Item>
          {isParallel(i) && <Tag color="blue">{t('steps.parallel')}</Tag>}
        </div>
      ),
    },
    {
      title: t('steps.name'),
      key: 'name',
      width: 150,
      render: (_, f) => (
        <Form.Item
          {...cell}
          name={[f.name, 'name']}
          rules={[{ required: true, whitespace: true, message: t('editor.required', { label: t('steps.name') }) }]}
        >
          <AutoComplete
            aria-label={t('steps.name')}
            placeholder={t('steps.name')}
            options={STEP_NAMES.map((n) => ({ value: n }))}
          />
        </Form.Item>
      ),
    },
    {
      title: t('steps.role'),
      key: 'role',
      width: 115,
      render: (_, f) => (
        <Form.Item {...cell} name={[f.name, 'role']} rules={[{ required: true }]}>
          <Select
            aria-label={t('steps.role')}
            options={STAFF_ROLES.map((r) => ({ value: r, label: t.label('role', r) }))}
          />
        </Form.Item>
      ),
    },
    {
      title: t('steps.department'),
      key: 'departmentId',
      width: 165,
      render: (_, f) => (
        <Form.Item {...cell} name={[f.name, 'departmentId']}>
          <Select aria-label={t('steps.department')} allowClear options={depts.options} loading={depts.loading} />
        </Form.Item>
      ),
    },
    {
      title: t('steps.limitDays'),
      key: 'limitDays',
      width: 80,
      render: (_, f) => (
        <Form.Item {...cell} name={[f.name, 'limitDays']} rules={[{ required: true, type: 'integer', min: 0 }]}>
          <InputNumber aria-label={t('steps.limitDays')} min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      ),
    },
    {
      // 逐级签批: a sign-off step may name the level that signs it; empty = the item's approval level.
      title: t('authority.title'),
      key: 'authority',
      width: 115,
      render: (_, f) => (
        <Form.Item {...cell} name={[f.name, 'authority']}>
          <Select
            aria-label={t('authority.title')}
            allowClear
            placeholder={t('authority.itemLevel')}
            options={(['section', 'deputy', 'chief'] as const).map((l) => ({ value: l, label: t(`authority.${l}`) }))}
          />
        </Form.Item>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_, __, i) => <RowActions index={i} count={count} disabled={readOnly} onMove={move} onRemove={remove} />,
    },
  ];

  return (
    <Card title={t('steps.title')} className="ow-page-card">
      <Alert type="info" showIcon title={t('steps.parallelHint')} style={{ marginBottom: 12 }} />
      <ListTable
        name="steps"
        atLeastOne={t('steps.atLeastOne')}
        columns={columns}
        // Narrow enough for the editor's main column at 1440 px, so 审批权限 stays in view.
        scrollX={815}
        testId="steps-table"
        addLabel={t('steps.add')}
        onAdd={(add) => add(newStep(nextOrder()))}
        readOnly={readOnly}
        footer={
          <Typography.Paragraph
            type={exceeds ? 'danger' : 'secondary'}
            style={{ margin: '8px 0 0' }}
            data-testid="steps-total"
          >
            {t('steps.total', { n: totalDays })}
            {exceeds && t('steps.totalExceeds', { m: promisedDays ?? 0 })}
          </Typography.Paragraph>
        }
      />
    </Card>
  );
}
