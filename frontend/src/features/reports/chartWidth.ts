import { createContext, useContext, useLayoutEffect, useRef, useState } from "react";

/** The width in CSS pixels a chart is drawn at (0 until measured). */
export const ChartWidthContext = createContext(0);

/**
 * Charts are drawn at the width they get on screen, one SVG unit per pixel, so their text stays
 * the size the stylesheet says on a tablet and on a wide screen alike.
 */
export function useChartWidth(fallback: number, min = 320): number {
  const measured = useContext(ChartWidthContext);
  return Math.max(min, Math.round(measured || fallback));
}

/** The width of an element, kept up to date while the window or the layout changes. */
export function useMeasuredWidth<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    setWidth(element.getBoundingClientRect().width);
    if (typeof ResizeObserver === "undefined") return undefined;
    const observer = new ResizeObserver((entries) => {
      const entry = entries[0];
      if (entry) setWidth(entry.contentRect.width);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}
