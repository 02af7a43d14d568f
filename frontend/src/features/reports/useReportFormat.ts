import { useMemo } from "react";
import { useTranslation } from "react-i18next";

import { useFormat } from "../../components/useFormat";
import { formatShare, parsePeriodKey, periodName, shortMonth } from "./scale";

/** The dashboard's figures and period names in the current language. */
export function useReportFormat() {
  const { t } = useTranslation();
  const format = useFormat();
  return useMemo(() => {
    const quarter = (q: number, year: number) => t("dashboard.period.quarter", { quarter: q, year });
    return {
      ...format,
      count: (value: number) => format.number(value, 0),
      share: (value: number | null | undefined, maxFraction = 1) => formatShare(value, format.locale, maxFraction),
      /** "maart 2026", "K1 2026", "2026"; a group that is no period keeps the API's label. */
      period: (key: string, label?: string) => (parsePeriodKey(key) ? periodName(key, format.locale, quarter) : (label ?? key)),
      /** Under a bar: "mrt", "K1", "2026". */
      periodShort: (key: string) => {
        const period = parsePeriodKey(key);
        if (!period) return key;
        if (period.kind === "month") return shortMonth(key, format.locale);
        if (period.kind === "quarter") return t("dashboard.period.quarterShort", { quarter: period.quarter });
        return String(period.year);
      },
      range: (from: string, to: string) => t("common.period", { from: format.date(from), to: format.date(to) }),
    };
  }, [format, t]);
}

export type ReportFormat = ReturnType<typeof useReportFormat>;
