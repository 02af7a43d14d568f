import { useTranslation } from "react-i18next";
import { Navigate, NavLink, Outlet, useLocation } from "react-router";

import { PageHeading } from "../../components/PageHeading";
import { adminSections } from "../../features/auth/permissions";
import { useCurrentUser } from "../currentUser";

export function AdminLayout() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const sections = adminSections(me);
  const { pathname } = useLocation();

  if (!sections.organisations && !sections.users) {
    return (
      <div className="page">
        <PageHeading title={t("admin.noAccessTitle")}>{t("admin.noAccessTitle")}</PageHeading>
        <p className="alert alert--info">{t("admin.noAccess")}</p>
      </div>
    );
  }

  if (pathname.replace(/\/$/, "") === "/beheer") {
    return <Navigate to={sections.organisations ? "organisaties" : "gebruikers"} replace />;
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
      </nav>
      <Outlet context={me} />
    </div>
  );
}
