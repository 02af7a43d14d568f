import { useMemo } from "react";
import { useTranslation } from "react-i18next";

import {
  formatDate,
  formatDateTime,
  formatEuro,
  formatNumber,
  localeFor,
  type DateStyle,
} from "../i18n/format";

/** Formatters bound to the current language: nl-BE dates and numbers in Dutch, en-GB in English. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = localeFor(i18n.resolvedLanguage);
  return useMemo(
    () => ({
      locale,
      date: (iso: string | null | undefined, style?: DateStyle) => formatDate(iso, locale, style),
      dateTime: (iso: string | null | undefined) => formatDateTime(iso, locale),
      number: (value: number | null | undefined, maxFraction?: number) => formatNumber(value, locale, maxFraction),
      euro: (value: string | number | null | undefined) => formatEuro(value, locale),
    }),
    [locale],
  );
}
