import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";

import { api, unwrap } from "../../api/client";
import { ApiError } from "../../api/problem";
import type { OkJson, QueryOf, Schema } from "../../api/types";
import { filenameFrom } from "./download";

export type IndicatorReport = OkJson<"/api/v1/reports/indicators", "get">;
export type IndicatorGroup = IndicatorReport["groups"][number];
export type IndicatorQuery = QueryOf<"/api/v1/reports/indicators", "get">;
export type DrillPage = OkJson<"/api/v1/reports/indicators/{indicator}/trajectories", "get">;
export type DrillRow = DrillPage["items"][number];
export type DrillIndicator = Schema<"DrillIndicator">;
export type GroupBy = Schema<"GroupBy">;
export type Rate = Schema<"Rate">;
export type CensoredRate = Schema<"CensoredRate">;
export type RetentionRate = Schema<"RetentionRate">;
export type Duration = Schema<"Duration">;
export type ExportFormat = Exclude<Schema<"ExportFormat">, "json">;
export type CaseloadReport = OkJson<"/api/v1/reports/caseloads", "get">;
export type StaffCaseload = CaseloadReport["staff"][number];
export type ReportDefinition = Schema<"DefinitionRead">;
export type DefinitionLanguage = NonNullable<QueryOf<"/api/v1/reports/definitions", "get">["lang"]>;

/** The filters the dashboard sends: the period and what it narrows down to. */
export interface ReportQuery {
  from: string;
  to: string;
  organisation_id?: string;
  work_floor_id?: string;
  framework?: string;
}

/** A count that opens as the trajectories behind it: the group's own drill parameters. */
export interface DrillTarget {
  indicator: DrillIndicator;
  params: Readonly<Record<string, string>>;
  /** What the count is, for the list's title ("Uitstroom naar betaald werk, 2026-03"). */
  title: string;
  count: number;
}

export const DRILL_PAGE_SIZE = 25;

export const reportKeys = {
  all: ["reports"] as const,
  indicators: (query: ReportQuery, groupBy: GroupBy | null) => [...reportKeys.all, "indicators", query, groupBy] as const,
  caseloads: (query: ReportQuery) => [...reportKeys.all, "caseloads", query] as const,
  definitions: (lang: DefinitionLanguage) => [...reportKeys.all, "definitions", lang] as const,
  drill: (indicator: DrillIndicator, params: Readonly<Record<string, string>>) =>
    [...reportKeys.all, "drill", indicator, params] as const,
};

/** The endpoint also answers files (format=csv…); without `format` it is always the JSON report. */
/** JSON answers of routes that can also answer a file: without `format` they are JSON. */
function asJson<T extends object>(data: T | string): T {
  if (typeof data === "string") throw new TypeError("expected a JSON answer, not a file");
  return data;
}

const asReport = (data: IndicatorReport | string): IndicatorReport => asJson(data);

/**
 * One indicator report. While new filters load, the previous figures stay on screen (marked as
 * updating), so the page does not jump.
 */
export function useIndicators(query: ReportQuery | null, groupBy: GroupBy | null) {
  return useQuery({
    queryKey: reportKeys.indicators(query ?? { from: "", to: "" }, groupBy),
    queryFn: async () =>
      asReport(
        await unwrap(
          api.GET("/api/v1/reports/indicators", {
            params: { query: { ...(query ?? {}), ...(groupBy ? { group_by: groupBy } : {}) } },
          }),
        ),
      ),
    enabled: query !== null,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** Running trajectories per staff member on the period's last day, highest first (same filters and scope). */
export function useCaseloads(query: ReportQuery | null) {
  return useQuery({
    queryKey: reportKeys.caseloads(query ?? { from: "", to: "" }),
    queryFn: () => unwrap(api.GET("/api/v1/reports/caseloads", { params: { query: query ?? {} } })),
    enabled: query !== null,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** The API's definitions of every figure (the texts the exports print), in the UI's language. */
export function useDefinitions(language: string) {
  const lang: DefinitionLanguage = language.startsWith("en") ? "en" : "nl";
  return useQuery({
    queryKey: reportKeys.definitions(lang),
    queryFn: () => unwrap(api.GET("/api/v1/reports/definitions", { params: { query: { lang } } })),
    staleTime: Number.POSITIVE_INFINITY,
    select: (list): ReadonlyMap<string, ReportDefinition> => new Map(list.map((definition) => [definition.key, definition])),
  });
}

/** The trajectories behind one count, a page at a time (same filters, same scope). */
export function useDrillRows(target: DrillTarget | null) {
  const indicator = target?.indicator ?? "participants_in_trajectory";
  const params = target?.params ?? {};
  return useInfiniteQuery({
    queryKey: reportKeys.drill(indicator, params),
    queryFn: async ({ pageParam }) =>
      asJson(
        await unwrap(
          api.GET("/api/v1/reports/indicators/{indicator}/trajectories", {
            params: {
              path: { indicator },
              query: { ...params, limit: DRILL_PAGE_SIZE, cursor: pageParam ?? undefined },
            },
          }),
        ),
      ),
    enabled: target !== null,
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

export interface DownloadedFile {
  blob: Blob;
  filename: string;
}

/** Every indicator as the API exports it (CSV for Belgian Excel, XLSX with definitions, PDF). */
export async function downloadIndicators(query: ReportQuery, format: ExportFormat, groupBy: GroupBy | null): Promise<DownloadedFile> {
  let result: { error?: unknown; response: Response };
  try {
    result = await api.GET("/api/v1/reports/indicators", {
      params: { query: { ...query, format, ...(groupBy ? { group_by: groupBy } : {}) } },
      // The body is read below as a file; openapi-fetch reads (and parses) error bodies itself.
      parseAs: "stream",
    });
  } catch (cause) {
    throw ApiError.network(cause);
  }
  const { response } = result;
  if (!response.ok) throw ApiError.fromResponse(response, result.error);
  const blob = await response.blob();
  return { blob, filename: filenameFrom(response.headers.get("Content-Disposition"), `werkpad-indicatoren.${format}`) };
}
