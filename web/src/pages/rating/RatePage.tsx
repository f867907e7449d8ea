import { Alert, Button, Card, Checkbox, Descriptions, Input, Radio, Result, Space, Spin, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { fetchPublicRating, type PublicRating, submitPublicRating } from '../../api/caseRatings';
import type { RatingLevel } from '../../api/queue';
import { useNotifyError } from '../../components/useNotifyError';
import { type MessageKey, useT } from '../../i18n';

const LEVELS: RatingLevel[] = [
  'very_satisfied',
  'satisfied',
  'basically_satisfied',
  'dissatisfied',
  'very_dissatisfied',
];
const REASONS = ['wait', 'attitude', 'efficiency', 'explain', 'runs', 'environment'] as const;
const bad = (l: RatingLevel) => l === 'dissatisfied' || l === 'very_dissatisfied';

/** 办件评价: the applicant rates a completed case once from the SMS link (phone first), and once more after a 差评 is rectified. */
export function RatePage() {
  const t = useT();
  const notify = useNotifyError();
  const { token = '' } = useParams();
  const [page, setPage] = useState<PublicRating | null>(null);
  const [missing, setMissing] = useState(false);
  const [level, setLevel] = useState<RatingLevel | null>(null);
  const [reasons, setReasons] = useState<string[]>([]);
  const [comment, setComment] = useState('');
  const [suggestion, setSuggestion] = useState('');
  const [sent, setSent] = useState<RatingLevel | null>(null);
  const [busy, setBusy] = useState(false);
  const [needLevel, setNeedLevel] = useState(false);

  useEffect(() => {
    fetchPublicRating(token)
      .then(setPage)
      .catch(() => setMissing(true));
  }, [token]);

  if (missing) return <Result status="404" title={t('cr.notFound')} />;
  if (!page) return <Spin style={{ display: 'block', margin: 48 }} />;

  const submit = async () => {
    if (!level) {
      setNeedLevel(true);
      return;
    }
    setBusy(true);
    try {
      await submitPublicRating(token, {
        level,
        reasons: reasons.map((r) => t(`pad.reason.${r}` as MessageKey)),
        comment,
        suggestion,
      });
      setSent(level);
    } catch (e) {
      notify(e);
    } finally {
      setBusy(false);
    }
  };

  const title = page.open === 'rerate' ? t('cr.rerateTitle') : t('cr.rateTitle');
  return (
    <Card title={title} style={{ maxWidth: 640, margin: '0 auto' }}>
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('cr.caseNo')}>{page.caseNo}</Descriptions.Item>
        <Descriptions.Item label={t('cr.item')}>{page.itemName}</Descriptions.Item>
        <Descriptions.Item label={t('cr.hall')}>{page.hallName}</Descriptions.Item>
        {page.staffName && <Descriptions.Item label={t('cr.staff')}>{page.staffName}</Descriptions.Item>}
      </Descriptions>
      {page.ratings.map((r) => (
        <p key={r.round}>
          {r.round === 1 ? t('cr.firstRating') : t('cr.secondRating')}：
          <Tag color={bad(r.level) ? 'red' : 'green'}>{t(`ratingLevel.${r.level}` as MessageKey)}</Tag>
          {r.comment}
        </p>
      ))}
      {page.rectification !== null && page.open === 'rerate' && (
        <Alert type="info" showIcon message={t('cr.rectification')} description={page.rectification} />
      )}
      {sent && (
        <Result
          status="success"
          title={t('cr.thanks')}
          subTitle={bad(sent) && page.open === 'rate' ? t('cr.thanksBad') : t('cr.thanksGood')}
        />
      )}
      {!sent && page.open === 'done' && <Result status="success" title={t('cr.done')} />}
      {!sent && page.open !== 'done' && (
        <Space direction="vertical" style={{ width: '100%', marginTop: 12 }} size="middle">
          <div>
            <div style={{ marginBottom: 8 }}>{t('cr.level')}</div>
            <Radio.Group
              aria-label={t('cr.level')}
              value={level}
              onChange={(e) => {
                setLevel(e.target.value as RatingLevel);
                setNeedLevel(false);
              }}
              optionType="button"
              buttonStyle="solid"
              style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}
              options={LEVELS.map((l) => ({ value: l, label: t(`ratingLevel.${l}` as MessageKey) }))}
            />
            {needLevel && <div style={{ color: '#cf1322', marginTop: 4 }}>{t('cr.pickLevel')}</div>}
          </div>
          <div>
            <div style={{ marginBottom: 8 }}>{t('cr.reasons')}</div>
            <Checkbox.Group
              value={reasons}
              onChange={(v) => setReasons(v as string[])}
              options={REASONS.map((r) => ({ value: r, label: t(`pad.reason.${r}` as MessageKey) }))}
            />
          </div>
          <Input.TextArea
            aria-label={t('cr.comment')}
            placeholder={t('cr.commentPlaceholder')}
            rows={3}
            maxLength={500}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
          {page.open === 'rate' && (
            <Input.TextArea
              aria-label={t('cr.suggestion')}
              placeholder={t('cr.suggestionPlaceholder')}
              rows={2}
              maxLength={500}
              value={suggestion}
              onChange={(e) => setSuggestion(e.target.value)}
            />
          )}
          <Button type="primary" block size="large" loading={busy} onClick={submit}>
            {t('cr.submit')}
          </Button>
        </Space>
      )}
    </Card>
  );
}
