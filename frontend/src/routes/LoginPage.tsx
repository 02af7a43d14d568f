import { useTranslation } from "react-i18next";
import { Navigate, useNavigate, useSearchParams } from "react-router";

import { LanguageSwitch } from "../components/LanguageSwitch";
import { PageHeading } from "../components/PageHeading";
import { Loading } from "../components/StatusMessage";
import { useSession } from "../features/auth/api";
import { LoginForm } from "../features/auth/components/LoginForm";
import { NEXT_PARAM, safeNextPath } from "../features/auth/redirect";

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { status, reason } = useSession();
  const next = safeNextPath(params.get(NEXT_PARAM));

  if (status === "signedIn") return <Navigate to={next} replace />;
  if (status === "unknown") {
    // Still asking the server whether the refresh cookie signs us in: no form flash.
    return (
      <div className="splash">
        <Loading>{t("app.loading")}</Loading>
      </div>
    );
  }

  return (
    <div className="login-layout">
      <header className="login-layout__top">
        <span className="brand brand--large">
          <span className="brand__mark" aria-hidden="true" />
          {t("app.name")}
        </span>
        <LanguageSwitch />
      </header>
      <main id="main" className="login-card" tabIndex={-1}>
        <PageHeading title={t("login.title")}>{t("login.title")}</PageHeading>
        <p className="lead">{t("login.intro")}</p>
        {reason === "expired" && (
          <p className="alert alert--info" role="status">
            {t("login.notice.sessionExpired")}
          </p>
        )}
        {reason === "loggedOut" && (
          <p className="alert alert--success" role="status">
            {t("login.notice.loggedOut")}
          </p>
        )}
        <LoginForm onSignedIn={() => void navigate(next, { replace: true })} />
      </main>
    </div>
  );
}
