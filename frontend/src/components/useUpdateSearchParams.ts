import { useCallback } from "react";
import { useSearchParams } from "react-router";

/**
 * Change the URL's query starting from the address bar as it is now, not from the last render:
 * react-router renders navigations in a transition, so two quick changes (one select, then the
 * next) would otherwise start from the same old query and the first would be lost.
 * Filters replace the history entry: no back-button step per click.
 */
export function useUpdateSearchParams() {
  const [, setParams] = useSearchParams();
  return useCallback(
    (change: (current: URLSearchParams) => URLSearchParams) => {
      setParams(change(new URLSearchParams(window.location.search)), { replace: true });
    },
    [setParams],
  );
}

/** One parameter set to a value, or removed for null / "". */
export function withParam(current: URLSearchParams, name: string, value: string | null): URLSearchParams {
  const next = new URLSearchParams(current);
  if (value) next.set(name, value);
  else next.delete(name);
  return next;
}
