import { useMemo } from "react";
import { useTranslation } from "react-i18next";

import { useFormat } from "../../../components/useFormat";
import { localeFor } from "../../../i18n/format";
import { isParticipantField, participantValueText } from "../fields";

/** A language code as its name in the reader's language ("Nederlands", "Arabisch"). */
export function useLanguageName(): (code: string) => string {
  const { i18n } = useTranslation();
  const names = useMemo(() => new Intl.DisplayNames([localeFor(i18n.resolvedLanguage)], { type: "language" }), [i18n.resolvedLanguage]);
  return (code) => {
    try {
      return names.of(code) ?? code;
    } catch {
      // Not a well-formed language tag: show the code as stored.
      return code;
    }
  };
}

/** A field of someone's record by its name in the reader's language ("Achternaam"); unknown fields as the API names them. */
export function useFieldLabel(): (field: string) => string {
  const { t } = useTranslation();
  return (field) => (isParticipantField(field) ? t(`participants.changes.field.${field}`) : field);
}

/** A stored or typed value of one of those fields in words: dates as dates, codes as their names. */
export function useValueText(): (field: string, value: unknown) => string {
  const { t } = useTranslation();
  const format = useFormat();
  const languageName = useLanguageName();
  return (field, value) =>
    participantValueText(field, value, {
      date: (iso) => format.date(iso, "long"),
      languageName,
      referralSource: (code) => t(`referralSource.${code}`),
      targetGroup: (code) => t(`targetGroup.${code}`),
    });
}
