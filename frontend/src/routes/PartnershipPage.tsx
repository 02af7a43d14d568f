import { useTranslation } from "react-i18next";

import { PageHeading } from "../components/PageHeading";
import { PartnershipOverview } from "../features/access/components/PartnershipOverview";
import { useFrameworkName } from "../features/trajectories/api";
import { useCurrentUser } from "./currentUser";

export function PartnershipPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const frameworkName = useFrameworkName();
  return (
    <div className="page">
      <PageHeading title={t("partnership.title")}>{t("partnership.title")}</PageHeading>
      <p className="lead">{t("partnership.intro")}</p>
      <PartnershipOverview frameworkName={frameworkName} ownOrganisationId={me.organisation.id} />
    </div>
  );
}
