import { useTranslation } from "react-i18next";

import { LANGUAGES } from "../i18n";

/** NL | EN. Each button is named in its own language, as a person looking for it expects. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div className="language-switch" role="group" aria-label={t("language.label")}>
      {LANGUAGES.map((language) => {
        const current = i18n.resolvedLanguage === language;
        return (
          <button
            key={language}
            type="button"
            className="language-switch__button"
            lang={language}
            aria-pressed={current}
            aria-label={t(`language.${language}`)}
            onClick={() => void i18n.changeLanguage(language)}
          >
            {language.toUpperCase()}
          </button>
        );
      })}
    </div>
  );
}
