import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";

import { PageHeading } from "../components/PageHeading";
import { ParticipantForm } from "../features/participants/components/ParticipantForm";

export function NewParticipantPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div className="page page--form">
      <nav aria-label={t("dossier.breadcrumbLabel")} className="breadcrumb">
        <Link to="/deelnemers">{t("dossier.breadcrumb")}</Link>
        <span aria-hidden="true"> › </span>
        <span aria-current="page">{t("participantForm.title")}</span>
      </nav>
      <PageHeading title={t("participantForm.title")}>{t("participantForm.title")}</PageHeading>
      <p className="lead">{t("participantForm.intro")}</p>
      <ParticipantForm onCreated={(participant) => void navigate(`/deelnemers/${participant.id}?nieuw=1`)} />
    </div>
  );
}
