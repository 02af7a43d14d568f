import { useId, type KeyboardEvent, type ReactNode, type Ref } from "react";

import { patternUrl, useSvgId, type PatternDef, type PatternKind } from "./patterns";

function PatternShapes({ kind }: { kind: PatternKind }) {
  switch (kind) {
    case "hatch":
      return <path className="pattern__ink" d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" />;
    case "dots":
      return <circle className="pattern__dot" cx="4" cy="4" r="1.6" />;
    case "cross":
      return <path className="pattern__ink" d="M0,4 h8 M4,0 v8" />;
  }
}

interface ChartFrameProps {
  width: number;
  height: number;
  title: string;
  description: string;
  /** Has focusable bars or points: a group of buttons rather than one picture. */
  interactive?: boolean;
  patternPrefix?: string;
  patterns?: readonly PatternDef[];
  svgRef?: Ref<SVGSVGElement>;
  onKeyDown?: (event: KeyboardEvent<SVGSVGElement>) => void;
  className?: string;
  children: ReactNode;
}

/**
 * The SVG around a chart: named and described for screen readers, scaled to the panel's width,
 * no inline styles (the CSP forbids them) — fills come from classes and pattern ids.
 */
export function ChartFrame({
  width,
  height,
  title,
  description,
  interactive = false,
  patternPrefix,
  patterns = [],
  svgRef,
  onKeyDown,
  className,
  children,
}: ChartFrameProps) {
  const titleId = useId();
  const descId = useId();
  return (
    <svg
      ref={svgRef}
      className={`chart${className ? ` ${className}` : ""}`}
      viewBox={`0 0 ${width} ${height}`}
      role={interactive ? "group" : "img"}
      aria-labelledby={titleId}
      aria-describedby={descId}
      onKeyDown={onKeyDown}
      preserveAspectRatio="xMidYMid meet"
    >
      <title id={titleId}>{title}</title>
      <desc id={descId}>{description}</desc>
      {patternPrefix && patterns.length > 0 && (
        <defs>
          {patterns.map((pattern) => (
            <pattern
              key={pattern.name}
              id={`${patternPrefix}-${pattern.name}`}
              className={`pattern pattern--${pattern.tone}`}
              width="8"
              height="8"
              patternUnits="userSpaceOnUse"
            >
              <rect className="pattern__bg" width="8" height="8" />
              <PatternShapes kind={pattern.kind} />
            </pattern>
          ))}
        </defs>
      )}
      {children}
    </svg>
  );
}

interface SwatchProps {
  /** A CSS class (solid fills) or a pattern to fill the swatch with. */
  className: string;
  pattern?: PatternDef;
}

/** A small sample of a fill for HTML legends: the same pattern as in the chart. */
export function Swatch({ className, pattern }: SwatchProps) {
  const id = useSvgId();
  return (
    <svg className="swatch" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      {pattern && (
        <defs>
          <pattern id={`${id}-${pattern.name}`} className={`pattern pattern--${pattern.tone}`} width="8" height="8" patternUnits="userSpaceOnUse">
            <rect className="pattern__bg" width="8" height="8" />
            <PatternShapes kind={pattern.kind} />
          </pattern>
        </defs>
      )}
      <rect className={className} x="1" y="1" width="14" height="14" rx="2" fill={pattern ? patternUrl(id, pattern) : undefined} />
    </svg>
  );
}
