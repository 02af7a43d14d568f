import { useCallback, useRef, useState, type KeyboardEvent } from "react";

const NEXT = new Set(["ArrowRight", "ArrowDown"]);
const PREVIOUS = new Set(["ArrowLeft", "ArrowUp"]);

/**
 * One Tab stop per chart: arrow keys move between its bars or points, Home and End jump to the
 * ends, Enter or Space opens the one in focus (WAI-ARIA "roving tabindex").
 */
export function useRovingFocus(count: number) {
  const [active, setActive] = useState(0);
  const container = useRef<SVGSVGElement>(null);
  const current = Math.min(active, Math.max(0, count - 1));

  const focusItem = useCallback((index: number) => {
    const items = container.current?.querySelectorAll<SVGElement>("[data-roving]");
    items?.[index]?.focus();
  }, []);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<SVGSVGElement>) => {
      let next: number | null = null;
      if (NEXT.has(event.key)) next = Math.min(count - 1, current + 1);
      else if (PREVIOUS.has(event.key)) next = Math.max(0, current - 1);
      else if (event.key === "Home") next = 0;
      else if (event.key === "End") next = count - 1;
      if (next === null || count === 0) return;
      event.preventDefault();
      setActive(next);
      focusItem(next);
    },
    [count, current, focusItem],
  );

  const itemProps = (index: number, activate: () => void) => ({
    "data-roving": true,
    role: "button" as const,
    tabIndex: index === current ? 0 : -1,
    onFocus: () => setActive(index),
    onClick: activate,
    onKeyDown: (event: KeyboardEvent<SVGGElement>) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        activate();
      }
    },
  });

  return { container, onKeyDown, itemProps };
}
