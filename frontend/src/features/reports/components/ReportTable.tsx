import { TableRegion } from "../../../components/DataTable";
import type { CellValue, Column, TableSpec } from "../table";
import { useReportFormat } from "../useReportFormat";
import { DrillCount } from "./DrillCount";

function Cell({ column, value, format }: { column: Column; value: CellValue; format: ReturnType<typeof useReportFormat> }) {
  if (value === null) return <span className="muted">–</span>;
  if (typeof value === "string") return <>{value}</>;
  switch (column.kind) {
    case "share":
      return <>{format.share(value)}</>;
    case "count":
      return <>{format.count(value)}</>;
    default:
      return <>{format.number(value, 1)}</>;
  }
}

/** A chart's figures as an accessible table; counts with a drill-down open their trajectories. */
export function ReportTable({ table }: { table: TableSpec }) {
  const format = useReportFormat();
  const [head, ...rest] = table.columns;
  if (!head) return null;
  return (
    <TableRegion caption={table.caption}>
      <thead>
        <tr>
          {table.columns.map((column) => (
            <th key={column.key} scope="col" className={column.kind === "text" ? undefined : "table__number"}>
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">
              <Cell column={head} value={row.cells[head.key] ?? null} format={format} />
            </th>
            {rest.map((column) => {
              const target = row.drill?.[column.key];
              const value = row.cells[column.key] ?? null;
              return (
                <td key={column.key} className={column.kind === "text" ? undefined : "table__number"}>
                  {target ? (
                    <DrillCount target={target}>
                      <Cell column={column} value={value} format={format} />
                    </DrillCount>
                  ) : (
                    <Cell column={column} value={value} format={format} />
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </TableRegion>
  );
}
