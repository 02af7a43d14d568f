import { useTranslation } from "react-i18next";
import { useRouteError } from "react-router";

import { ErrorMessage } from "../components/StatusMessage";

/** Last resort for a rendering error: say so in words, offer a reload. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  return (
    <main id="main" className="main">
      <ErrorMessage title={t("app.name")} error={error} onRetry={() => window.location.reload()} />
    </main>
  );
}
