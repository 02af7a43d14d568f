import { useTranslation } from "react-i18next";
import { Navigate, NavLink, Outlet, useLocation } from "react-router";

import { PageHeading } from "../../components/PageHeading";
import { adminSections, type AdminSections } from "../../features/auth/permissions";
import { useCurrentUser } from "../currentUser";

/** The tabs in order; /beheer opens the first one this person may read. */
const SECTION_PATHS: readonly [keyof AdminSections, string][] = [
  ["organisations", "organisaties"],
  ["users", "gebruikers"],
  ["partnerships", "samenwerkingsverbanden"],
  ["competenceItems", "competenties"],
  ["audit", "toegangslog"],
];

export function AdminLayout() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const sections = adminSections(me);
  const { pathname } = useLocation();

  if (!Object.values(sections).some(Boolean)) {
    return (
      <div className="page">
        <PageHeading title={t("admin.noAccessTitle")}>{t("admin.noAccessTitle")}</PageHeading>
        <p className="alert alert--info">{t("admin.noAccess")}</p>
      </div>
    );
  }

  if (pathname.replace(/\/$/, "") === "/beheer") {
    const first = SECTION_PATHS.find(([section]) => sections[section]);
    return <Navigate to={first?.[1] ?? "toegangslog"} replace />;
  }

  return (
    <div className="page">
      <PageHeading title={t("admin.title")}>{t("admin.title")}</PageHeading>
      <p className="lead">{t("admin.intro")}</p>
      <nav className="tabs" aria-label={t("admin.sectionsLabel")}>
        {sections.organisations && (
          <NavLink to="organisaties" className="tabs__link">
            {t("admin.organisations.tab")}
          </NavLink>
        )}
        {sections.users && (
          <NavLink to="gebruikers" className="tabs__link">
            {t("admin.users.tab")}
          </NavLink>
        )}
        {sections.partnerships && (
          <NavLink to="samenwerkingsverbanden" className="tabs__link">
            {t("admin.partnerships.tab")}
          </NavLink>
        )}
        {sections.competenceItems && (
          <NavLink to="competenties" className="tabs__link">
            {t("admin.competence.tab")}
          </NavLink>
        )}
        {sections.audit && (
          <NavLink to="toegangslog" className="tabs__link">
            {t("audit.tab")}
          </NavLink>
        )}
      </nav>
      <Outlet context={me} />
    </div>
  );
}
