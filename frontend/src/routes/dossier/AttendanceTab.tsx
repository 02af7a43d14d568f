import { AttendanceOverview } from "../../features/progress/components/AttendanceOverview";
import { useDossier } from "./context";

export function AttendanceTab() {
  const { trajectory } = useDossier();
  return <AttendanceOverview trajectoryId={trajectory.id} />;
}
