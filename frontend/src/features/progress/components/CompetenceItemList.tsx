import { useTranslation } from "react-i18next";

import { TableRegion } from "../../../components/DataTable";
import { EmptyState, ErrorMessage, Loading } from "../../../components/StatusMessage";
import { useCompetenceItems } from "../api";

/** The competence items progress logs score, read-only: the API has no route to change them yet. */
export function CompetenceItemList() {
  const { t, i18n } = useTranslation();
  const items = useCompetenceItems();
  const english = i18n.resolvedLanguage === "en";

  return (
    <section className="panel" aria-labelledby="competence-heading">
      <h2 id="competence-heading">{t("admin.competence.caption")}</h2>
      <p className="alert alert--info">{t("admin.competence.readOnly")}</p>
      {items.isPending ? (
        <Loading>{t("admin.competence.loading")}</Loading>
      ) : items.isError ? (
        <ErrorMessage title={t("admin.competence.error")} error={items.error} onRetry={() => void items.refetch()} />
      ) : items.data.length === 0 ? (
        <EmptyState>{t("admin.competence.empty")}</EmptyState>
      ) : (
        <TableRegion caption={t("admin.competence.caption")}>
          <thead>
            <tr>
              <th scope="col" className="table__number">
                {t("admin.competence.order")}
              </th>
              <th scope="col">{t("admin.competence.name")}</th>
              <th scope="col">{t("admin.competence.code")}</th>
            </tr>
          </thead>
          <tbody>
            {[...items.data]
              .sort((a, b) => a.sort_order - b.sort_order)
              .map((item, index) => (
                <tr key={item.code}>
                  <td className="table__number">{index + 1}</td>
                  <th scope="row">{english ? item.name_en : item.name_nl}</th>
                  <td>
                    <code>{item.code}</code>
                  </td>
                </tr>
              ))}
          </tbody>
        </TableRegion>
      )}
    </section>
  );
}
