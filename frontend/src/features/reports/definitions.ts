import { useTranslation } from "react-i18next";

import { useDefinitions } from "./api";

/**
 * The API's definition of a figure ("flow.phase_funnel") in the UI's language: the same text the
 * exports print, so screen and file never explain a figure differently. Empty while loading.
 */
export function useDefinitionText(): (key: string) => string {
  const { i18n } = useTranslation();
  const definitions = useDefinitions(i18n.language);
  return (key) => definitions.data?.get(key)?.definition ?? "";
}
