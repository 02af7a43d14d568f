import { useTranslation } from "react-i18next";

import { Loading } from "../components/StatusMessage";

/** While the first page's code loads (lazy routes) or the session is being checked. */
export function Splash() {
  const { t } = useTranslation();
  return (
    <div className="splash">
      <Loading>{t("app.loading")}</Loading>
    </div>
  );
}
