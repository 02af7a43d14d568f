import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";

import { PageHeading } from "../../../components/PageHeading";
import { BreakGlassDialog } from "./BreakGlassDialog";

interface DossierNotFoundProps {
  /** The trajectory the link pointed to, when known: emergency access is asked per trajectory. */
  trajectoryId: string | null;
  /** Secrecy-bound care staff may ask for emergency access; to anyone else this is only "not found". */
  mayBreakGlass: boolean;
}

/**
 * A file that does not exist and a file you may not see look exactly the same (the API answers
 * 404 for both): nothing here hints at which one it is.
 */
export function DossierNotFound({ trajectoryId, mayBreakGlass }: DossierNotFoundProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [asking, setAsking] = useState(false);
  return (
    <div className="page">
      <PageHeading title={t("dossierNotFound.title")}>{t("dossierNotFound.title")}</PageHeading>
      <p className="lead">{t("dossierNotFound.text")}</p>
      <p>
        <Link to="/deelnemers" className="button button--primary">
          {t("dossierNotFound.back")}
        </Link>
      </p>
      {mayBreakGlass && trajectoryId && (
        <section className="card break-glass" aria-labelledby="break-glass-heading">
          <h2 id="break-glass-heading">{t("breakGlass.offerTitle")}</h2>
          <p>{t("breakGlass.offerText")}</p>
          <button type="button" className="button button--secondary" onClick={() => setAsking(true)}>
            {t("breakGlass.open")}
          </button>
        </section>
      )}
      {asking && trajectoryId && (
        <BreakGlassDialog
          trajectoryId={trajectoryId}
          onClose={() => setAsking(false)}
          onOpened={(grant) => void navigate(`/trajecten/${grant.trajectory_id}`, { replace: true })}
        />
      )}
    </div>
  );
}
