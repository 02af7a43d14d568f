import { useSearchParams } from "react-router";

/** The current `?q=` of the page: lists read it, SearchBox writes it. */
export function useSearchTerm(): string {
  const [params] = useSearchParams();
  return (params.get("q") ?? "").trim();
}
