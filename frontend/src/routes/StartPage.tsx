import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { PageHeading } from "../components/PageHeading";
import { canOpenAdmin, navigationFor } from "../features/auth/permissions";
import { useCurrentUser } from "./currentUser";

export function StartPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const role = t(`role.${me.role}`);
  const entries = navigationFor(me);

  return (
    <div className="page">
      <PageHeading title={t("start.title")}>{t("start.greeting", { name: me.name })}</PageHeading>
      <p className="lead">{t("start.intro")}</p>
      <div className="cards">
        {entries.includes("floor") && (
          <section className="card card--action" aria-labelledby="floor-card-heading">
            <h2 id="floor-card-heading">{t("start.floorCardTitle")}</h2>
            <p>{t("start.floorCardText")}</p>
            <Link to="/werkvloer" className="button button--primary">
              {t("start.floorCardLink")}
            </Link>
          </section>
        )}
        {entries.includes("caseload") && (
          <section className="card card--action" aria-labelledby="caseload-card-heading">
            <h2 id="caseload-card-heading">{t("start.caseloadCardTitle")}</h2>
            <p>{t("start.caseloadCardText")}</p>
            <Link to="/deelnemers" className="button button--primary">
              {t("start.caseloadCardLink")}
            </Link>
          </section>
        )}
        <section className="card" aria-labelledby="profile-heading">
          <h2 id="profile-heading">{t("start.profileHeading")}</h2>
          <dl className="details">
            <div>
              <dt>{t("start.role")}</dt>
              <dd>{role}</dd>
            </div>
            <div>
              <dt>{t("start.organisation")}</dt>
              <dd>
                {me.organisation.name}
                <span className="details__sub">{t(`organisationKind.${me.organisation.kind}`)}</span>
              </dd>
            </div>
            <div>
              <dt>{t("start.email")}</dt>
              <dd>{me.email}</dd>
            </div>
            <div>
              <dt>{t("start.secrecy")}</dt>
              <dd>
                {me.bound_by_professional_secrecy ? t("start.secrecyBound") : t("start.secrecyNotBound")}
              </dd>
            </div>
          </dl>
          {me.is_platform_admin && <p className="card__note">{t("start.platformAdmin")}</p>}
        </section>
        {canOpenAdmin(me) && (
          <section className="card card--action" aria-labelledby="admin-card-heading">
            <h2 id="admin-card-heading">{t("start.adminCardTitle")}</h2>
            <p>{t("start.adminCardText")}</p>
            <Link to="/beheer" className="button button--primary">
              {t("start.adminCardLink")}
            </Link>
          </section>
        )}
      </div>
    </div>
  );
}
