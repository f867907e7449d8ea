import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCNAntd from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { setApiLanguage } from '../api/client';
import { en } from './en';
import { type Dictionary, type MessageKey, zhCN } from './zh-CN';

export type { MessageKey } from './zh-CN';
export type Locale = 'zh-CN' | 'en';

const STORAGE_KEY = 'ow.locale';
const dictionaries: Record<Locale, Dictionary> = { 'zh-CN': zhCN, en };

/** Enum label groups: `t.label('role', 'clerk')` looks up 'role.clerk'. */
export type LabelGroup =
  | 'role'
  | 'perm'
  | 'category'
  | 'kind'
  | 'approval'
  | 'itemStatus'
  | 'versionState'
  | 'materialForm'
  | 'requirement'
  | 'outcome'
  | 'userStatus'
  | 'adminClass'
  | 'windowKind'
  | 'windowStatus'
  | 'caseState'
  | 'caseAction';

export type Vars = Record<string, string | number>;
export interface Translate {
  (key: MessageKey, vars?: Vars): string;
  /** Label of a code value; falls back to the raw code when unknown. */
  label: (group: LabelGroup, value: string | null | undefined) => string;
  locale: Locale;
}

function readStoredLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

function format(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/**
 * antd draws the required '*' inside the <label>, which makes it part of the field's accessible name ("* 事项编码").
 * We draw it on the label's wrapper instead (global.css), so labels read exactly as written.
 */
const requiredMark = (label: ReactNode) => label;

interface LocaleState {
  locale: Locale;
  setLocale: (l: Locale) => void;
}

const LocaleContext = createContext<LocaleState>({ locale: 'zh-CN', setLocale: () => {} });

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(readStoredLocale);
  const setLocale = useCallback((l: Locale) => {
    setLocaleState(l);
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      // storage unavailable (private mode) — keep it for this page only
    }
  }, []);

  useEffect(() => {
    dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
    document.documentElement.lang = locale;
    document.title = dictionaries[locale]['app.title'];
  }, [locale]);

  setApiLanguage(locale === 'en' ? 'en' : 'zh-CN');
  const state = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return (
    <LocaleContext.Provider value={state}>
      <ConfigProvider
        locale={locale === 'en' ? enUS : zhCNAntd}
        theme={{ token: { colorPrimary: '#1f5fbf', motion: false } }}
        button={{ autoInsertSpace: false }}
        form={{ requiredMark }}
      >
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </LocaleContext.Provider>
  );
}

export function useLocale(): LocaleState {
  return useContext(LocaleContext);
}

export function useT(): Translate {
  const { locale } = useContext(LocaleContext);
  return useMemo(() => {
    const dict = dictionaries[locale];
    const t = ((key: MessageKey, vars?: Vars) => format(dict[key] ?? key, vars)) as Translate;
    t.label = (group, value) => {
      if (value === null || value === undefined || value === '') return '';
      const key = `${group}.${value}` as MessageKey;
      return dict[key] ?? value;
    };
    t.locale = locale;
    return t;
  }, [locale]);
}
