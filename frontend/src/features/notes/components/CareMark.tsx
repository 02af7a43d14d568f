import { useTranslation } from "react-i18next";

/** "Zorg" in words with a symbol: care notes are marked, never by colour alone. */
export function CareMark() {
  const { t } = useTranslation();
  return (
    <span className="care-mark">
      <span aria-hidden="true" className="care-mark__icon">
        ✚
      </span>
      {t("notes.careMark")}
    </span>
  );
}
