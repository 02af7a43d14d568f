import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { PageHeading } from "../components/PageHeading";

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <PageHeading title={t("notFound.title")}>{t("notFound.title")}</PageHeading>
      <p className="lead">{t("notFound.text")}</p>
      <Link to="/" className="button button--primary">
        {t("notFound.back")}
      </Link>
    </div>
  );
}
