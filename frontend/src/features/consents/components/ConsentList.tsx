import { useTranslation } from "react-i18next";

import { TableRegion } from "../../../components/DataTable";
import { SectionHead } from "../../../components/SectionHead";
import { EmptyState, ErrorMessage, Loading } from "../../../components/StatusMessage";
import { useDialogs } from "../../../components/useDialogs";
import { useFormat } from "../../../components/useFormat";
import { useConsents, type Consent } from "../api";
import { RecordConsentDialog, WithdrawConsentDialog } from "./ConsentDialogs";

function ConsentState({ consent }: { consent: Consent }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (consent.withdrawn_on) {
    return (
      <span className="badge badge--no">
        <span aria-hidden="true">✕ </span>
        {t("consents.state.withdrawn", { date: format.date(consent.withdrawn_on) })}
      </span>
    );
  }
  if (consent.active) {
    return (
      <span className="badge badge--yes">
        <span aria-hidden="true">✓ </span>
        {t("consents.state.active")}
      </span>
    );
  }
  return (
    <span className="badge badge--no">
      <span aria-hidden="true">– </span>
      {t("consents.state.inactive")}
    </span>
  );
}

type ConsentDialog = { kind: "record" } | { kind: "withdraw"; consent: Consent };

interface ConsentListProps {
  participantId: string;
  ownOrganisationId: string;
  canWrite: boolean;
}

/** Who the participant allowed to see their file, for which data; recorded and withdrawn here. */
export function ConsentList({ participantId, ownOrganisationId, canWrite }: ConsentListProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const consents = useConsents(participantId);
  const dialogs = useDialogs<ConsentDialog>();

  return (
    <section aria-labelledby="consents-heading" className="stack">
      <SectionHead id="consents-heading" title={t("consents.heading")} message={dialogs.message}>
        {canWrite && (
          <button type="button" className="button button--primary" onClick={() => dialogs.show({ kind: "record" })}>
            {t("consents.record.open")}
          </button>
        )}
      </SectionHead>
      <p className="lead">{t("consents.intro")}</p>
      {consents.isPending ? (
        <Loading>{t("consents.loading")}</Loading>
      ) : consents.isError ? (
        <ErrorMessage title={t("consents.error")} error={consents.error} onRetry={() => void consents.refetch()} />
      ) : consents.data.length === 0 ? (
        <EmptyState>{t("consents.empty")}</EmptyState>
      ) : (
        <TableRegion caption={t("consents.heading")}>
          <thead>
            <tr>
              <th scope="col">{t("consents.organisation")}</th>
              <th scope="col">{t("consents.dataClasses")}</th>
              <th scope="col">{t("consents.period")}</th>
              <th scope="col">{t("consents.stateLabel")}</th>
              {canWrite && (
                <th scope="col">
                  <span className="visually-hidden">{t("goals.actions")}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {consents.data.map((consent) => (
              <tr key={consent.id} className={consent.active ? undefined : "table__row--inactive"}>
                <th scope="row">
                  {consent.receiving_organisation_name}
                  <span className="table__note">{consent.purpose}</span>
                </th>
                <td>{consent.data_classes.map((value) => t(`dataClass.${value}`)).join(", ")}</td>
                <td className="table__nowrap">
                  {consent.expires_on
                    ? t("common.period", { from: format.date(consent.given_on), to: format.date(consent.expires_on) })
                    : t("common.periodOpen", { from: format.date(consent.given_on) })}
                  <span className="table__note">
                    {t(`consentMethod.${consent.method}`)}
                    {consent.given_by === "representative" && consent.representative_name && ` · ${t("consents.byRepresentative", { name: consent.representative_name })}`}
                  </span>
                </td>
                <td>
                  <ConsentState consent={consent} />
                  {consent.withdrawal_reason && <span className="table__note">{consent.withdrawal_reason}</span>}
                </td>
                {canWrite && (
                  <td>
                    {consent.withdrawn_on === null && (
                      <button
                        type="button"
                        className="button button--secondary"
                        aria-label={t("consents.withdraw.openLabel", { organisation: consent.receiving_organisation_name })}
                        onClick={() => dialogs.show({ kind: "withdraw", consent })}
                      >
                        {t("consents.withdraw.open")}
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </TableRegion>
      )}
      {dialogs.open?.kind === "record" && (
        <RecordConsentDialog participantId={participantId} ownOrganisationId={ownOrganisationId} onClose={dialogs.close} onDone={dialogs.finish} />
      )}
      {dialogs.open?.kind === "withdraw" && (
        <WithdrawConsentDialog participantId={participantId} consent={dialogs.open.consent} onClose={dialogs.close} onDone={dialogs.finish} />
      )}
    </section>
  );
}
