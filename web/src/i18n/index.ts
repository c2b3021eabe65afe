/** i18next set-up: Vietnamese first, English second; the choice is remembered in localStorage. */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import documentsEn from './documents.en.json';
import documentsVi from './documents.vi.json';
import enJson from './en.json';
import importsEn from './imports.en.json';
import importsVi from './imports.vi.json';
import membersExtraEn from './members-extra.en.json';
import membersExtraVi from './members-extra.vi.json';
import qualityEn from './quality.en.json';
import qualityVi from './quality.vi.json';
import queuesEn from './queues.en.json';
import queuesVi from './queues.vi.json';
import securityEn from './security.en.json';
import securityVi from './security.vi.json';
import viJson from './vi.json';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'tochuc.language';

/** Shared strings in vi.json / en.json; each larger area keeps its own pair of files. */
export const vi = {
  ...viJson,
  ...importsVi,
  ...documentsVi,
  ...securityVi,
  ...queuesVi,
  ...qualityVi,
  ...membersExtraVi,
};
/** Typed against the Vietnamese resources so a key missing in English fails the type check. */
export const en: typeof vi = {
  ...enJson,
  ...importsEn,
  ...documentsEn,
  ...securityEn,
  ...queuesEn,
  ...qualityEn,
  ...membersExtraEn,
};

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof vi };
  }
}

export function isLanguage(value: unknown): value is Language {
  return value === 'vi' || value === 'en';
}

function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : 'vi';
  } catch {
    return 'vi';
  }
}

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : 'vi';
}

export async function changeLanguage(language: Language): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
  await i18next.changeLanguage(language);
}

export async function initI18n(): Promise<void> {
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
  await i18next.use(initReactI18next).init({
    resources: { vi: { translation: vi }, en: { translation: en } },
    lng: storedLanguage(),
    fallbackLng: 'vi',
    supportedLngs: LANGUAGES,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = i18next.language;
}
