import { useState } from "react";
import { useTranslation } from "react-i18next";

import { EmptyState, ErrorMessage, Loading } from "../../../components/StatusMessage";
import { useFormat } from "../../../components/useFormat";
import { useParticipantChanges, type ParticipantChange } from "../api";
import { useFieldLabel, useValueText } from "./fieldWords";

function ChangeRow({ change }: { change: ParticipantChange }) {
  const { t } = useTranslation();
  const format = useFormat();
  const fieldLabel = useFieldLabel();
  const valueText = useValueText();
  const shown = (value: string | null) => valueText(change.field, value) || t("participants.changes.emptyValue");
  return (
    <li className="history__item">
      <span className="history__date">{format.dateTime(change.changed_at)}</span>
      <span>
        <strong>{fieldLabel(change.field)}</strong>
        {" · "}
        {t("participants.changes.by", { name: change.changed_by_name ?? t("participants.changes.unknownUser") })}
        <span className="history__reason">
          {t("participants.changes.was")} <q>{shown(change.old_value)}</q> <span aria-hidden="true">→</span> {t("participants.changes.became")}{" "}
          <q>{shown(change.new_value)}</q>
        </span>
      </span>
    </li>
  );
}

/**
 * The corrections made to someone's record, newest first, folded under the header: loaded only
 * when opened. For those who read the full record (the API answers 403 to others).
 */
export function ParticipantChanges({ participantId }: { participantId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const changes = useParticipantChanges(participantId, { enabled: open });
  return (
    <details className="history participant-changes" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="history__summary">{t("participants.changes.title")}</summary>
      {!open ? null : changes.isPending ? (
        <Loading>{t("participants.changes.loading")}</Loading>
      ) : changes.isError ? (
        <ErrorMessage title={t("participants.changes.error")} error={changes.error} onRetry={() => void changes.refetch()} />
      ) : changes.data.length === 0 ? (
        <EmptyState>{t("participants.changes.empty")}</EmptyState>
      ) : (
        <ol className="history__list" aria-label={t("participants.changes.listLabel")}>
          {changes.data.map((change) => (
            <ChangeRow key={change.id} change={change} />
          ))}
        </ol>
      )}
    </details>
  );
}
