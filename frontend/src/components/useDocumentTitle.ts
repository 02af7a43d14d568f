import { useEffect } from "react";
import { useTranslation } from "react-i18next";

/** "Beheer – Werkpad": screen-reader users hear where they landed, tabs are recognisable. */
export function useDocumentTitle(page: string): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = t("app.documentTitle", { page });
  }, [page, t]);
}
