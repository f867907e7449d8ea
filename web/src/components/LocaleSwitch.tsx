import { TranslationOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useLocale, useT } from '../i18n';

export function LocaleSwitch({ dark = false }: { dark?: boolean }) {
  const { locale, setLocale } = useLocale();
  const t = useT();
  return (
    <Button
      type="text"
      icon={<TranslationOutlined />}
      title={t('lang.switchTitle')}
      aria-label={t('lang.switchTitle')}
      onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}
      style={dark ? { color: '#fff' } : undefined}
      className="no-print"
    >
      {t('lang.switch')}
    </Button>
  );
}
