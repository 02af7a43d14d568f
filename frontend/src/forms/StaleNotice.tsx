import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

import type { StaleRow } from "./stale";

interface StaleNoticeProps<F extends string> {
  rows: readonly StaleRow<F>[];
  label: (field: F) => string;
  /** A field's value in words (a date as a date, a code as its name). */
  show: (field: F, value: unknown) => string;
  onReapply: () => void;
  onDiscard: () => void;
  busy?: boolean;
}

/**
 * Someone else saved this record meanwhile. Shows, per field, this person's version next to the
 * stored one; "Opnieuw toepassen" saves their changes on top of the new version.
 */
export function StaleNotice<F extends string>({ rows, label, show, onReapply, onDiscard, busy = false }: StaleNoticeProps<F>) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [rows]);
  const both = rows.filter((row) => row.kind === "both").length;
  return (
    <div className="alert alert--warning stale" role="alert" tabIndex={-1} ref={ref}>
      <p className="alert__title">{t("form.stale.title")}</p>
      <p>{both > 0 ? t("form.stale.textConflict", { count: both }) : t("form.stale.text")}</p>
      {rows.length > 0 && (
        <table className="table stale__table">
          <caption className="visually-hidden">{t("form.stale.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("form.stale.field")}</th>
              <th scope="col">{t("form.stale.mine")}</th>
              <th scope="col">{t("form.stale.server")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.field} className={row.kind === "both" ? "stale__row--both" : undefined}>
                <th scope="row">
                  {label(row.field)}
                  <span className="table__note">{t(`form.stale.kind.${row.kind}`)}</span>
                </th>
                <td className="stale__value">{row.kind === "theirs" ? <span className="muted">{t("form.stale.unchanged")}</span> : show(row.field, row.mine) || "–"}</td>
                <td className="stale__value">{show(row.field, row.server) || "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="stale__actions">
        <button type="button" className="button button--primary" aria-disabled={busy} onClick={() => !busy && onReapply()}>
          {t("form.stale.reapply")}
        </button>
        <button type="button" className="button button--secondary" onClick={onDiscard}>
          {t("form.stale.discard")}
        </button>
      </div>
    </div>
  );
}
