import { useTranslation } from "react-i18next";
import { Navigate, Outlet, useLocation } from "react-router";

import { Loading } from "../components/StatusMessage";
import { useSession } from "../features/auth/api";
import { loginPath } from "../features/auth/redirect";

/** Signed in: the page. Not signed in: /login?next=<where you were going>. Not yet known: wait. */
export function RequireAuth() {
  const { t } = useTranslation();
  const { status, reason } = useSession();
  const location = useLocation();

  if (status === "unknown") {
    return (
      <div className="splash">
        <Loading>{t("app.loading")}</Loading>
      </div>
    );
  }
  if (status === "signedOut") {
    // After "Afmelden" the next person starts from the start page, not from where you were.
    if (reason === "loggedOut") return <Navigate to="/login" replace />;
    return <Navigate to={loginPath(location.pathname + location.search)} replace />;
  }
  return <Outlet />;
}
