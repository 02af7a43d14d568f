import { useId, useState } from "react";
import { useTranslation } from "react-i18next";

import { FormProblem } from "../../../components/FormProblem";
import { ErrorMessage, Loading } from "../../../components/StatusMessage";
import { useFormat } from "../../../components/useFormat";
import { useAccessExplanation, useEndGrant, type AccessGround } from "../api";

function GroundItem({ ground }: { ground: AccessGround }) {
  const { t } = useTranslation();
  const format = useFormat();
  const end = useEndGrant();
  return (
    <li className={`access__ground access__ground--${ground.rule}`}>
      <span className="access__rule">{t(`access.rule.${ground.rule}`)}</span>
      {ground.until && <span className="access__until">{t("access.until", { date: format.date(ground.until, "long") })}</span>}
      {ground.until_time && <span className="access__until">{t("access.untilTime", { time: format.dateTime(ground.until_time) })}</span>}
      {ground.rule === "break_the_glass" && ground.grant_id && (
        <>
          {end.isError && <FormProblem title={t("access.endGrantError")} error={end.error} />}
          <button
            type="button"
            className="button button--secondary"
            aria-disabled={end.isPending}
            onClick={() => {
              if (!end.isPending && ground.grant_id) end.mutate(ground.grant_id);
            }}
          >
            {t("access.endGrant")}
          </button>
        </>
      )}
    </li>
  );
}

/** "Waarom zie ik dit?": the rules that open this file to you, and which notes you read here. */
export function AccessPanel({ trajectoryId }: { trajectoryId: string }) {
  const { t } = useTranslation();
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const explanation = useAccessExplanation(trajectoryId, open);

  return (
    <div className="access">
      <button type="button" className="button button--ghost access__toggle" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        <span aria-hidden="true" className="access__icon">
          ?
        </span>
        {t("access.why")}
      </button>
      <section id={panelId} className="card access__panel" aria-labelledby={`${panelId}-heading`} hidden={!open}>
        <h2 id={`${panelId}-heading`}>{t("access.title")}</h2>
        {!open ? null : explanation.isPending ? (
          <Loading>{t("access.loading")}</Loading>
        ) : explanation.isError ? (
          <ErrorMessage title={t("access.error")} error={explanation.error} onRetry={() => void explanation.refetch()} />
        ) : (
          <>
            <p>{explanation.data.full_access ? t("access.fullIntro") : t("access.summaryIntro")}</p>
            <ul className="access__grounds">
              {explanation.data.grounds.map((ground) => (
                <GroundItem key={`${ground.rule}-${ground.grant_id ?? ground.consent_id ?? ""}`} ground={ground} />
              ))}
            </ul>
            <h3>{t("access.notesTitle")}</h3>
            {explanation.data.readable_note_visibilities.length === 0 ? (
              <p>{t("access.noNotes")}</p>
            ) : (
              <ul className="access__notes">
                {explanation.data.readable_note_visibilities.map((visibility) => (
                  <li key={visibility}>{t(`visibility.${visibility}`)}</li>
                ))}
              </ul>
            )}
            <p className="muted">{t("access.logged")}</p>
          </>
        )}
      </section>
    </div>
  );
}
