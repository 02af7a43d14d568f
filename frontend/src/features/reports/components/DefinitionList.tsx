import { useTranslation } from "react-i18next";

import { useDefinitions } from "../api";

/**
 * Every figure's definition as the API gives it (the texts the exports print), folded away under
 * the dashboard; nothing while they load, since each panel already says what it shows.
 */
export function DefinitionList() {
  const { t, i18n } = useTranslation();
  const definitions = useDefinitions(i18n.language);
  if (!definitions.data) return null;
  return (
    <section className="report-panel report-definitions" aria-label={t("dashboard.definitions.title")}>
      <details>
        <summary className="report-panel__title">{t("dashboard.definitions.title")}</summary>
        <dl>
          {[...definitions.data.values()].map((definition) => (
            <div key={definition.key}>
              <dt className="report-panel__footer"><strong>{definition.title}</strong></dt>
              <dd className="report-panel__intro">{definition.definition}</dd>
            </div>
          ))}
        </dl>
      </details>
    </section>
  );
}
