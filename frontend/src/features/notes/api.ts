import { useMutation, useQuery } from "@tanstack/react-query";

import { OWN_ERRORS, useRefreshCaseFile } from "../../api/caseFile";
import { api, unwrap } from "../../api/client";
import type { OkJson, Schema } from "../../api/types";
import { ifMatch } from "../../forms/stale";

export type Note = OkJson<"/api/v1/trajectories/{trajectory_id}/notes", "get">["items"][number];
export type Visibility = Schema<"Visibility">;
export type NoteCreate = Schema<"NoteCreate">;
export type NoteUpdate = Schema<"NoteUpdate">;

export const noteKeys = {
  list: (trajectoryId: string) => ["trajectories", "detail", trajectoryId, "notes"] as const,
};

/** The notes this user may read (the server filters by visibility, consent and secrecy). */
export function useNotes(trajectoryId: string) {
  return useQuery({
    queryKey: noteKeys.list(trajectoryId),
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/trajectories/{trajectory_id}/notes", {
          params: { path: { trajectory_id: trajectoryId }, query: { sort: "-written_on", limit: 100 } },
        }),
      ),
  });
}

export function useAddNote(trajectoryId: string) {
  const refresh = useRefreshCaseFile();
  return useMutation({
    meta: OWN_ERRORS,
    mutationFn: (body: NoteCreate) =>
      unwrap(api.POST("/api/v1/trajectories/{trajectory_id}/notes", { params: { path: { trajectory_id: trajectoryId } }, body })),
    onSuccess: () => refresh(trajectoryId),
  });
}

export function loadNote(noteId: string): Promise<Note> {
  return unwrap(api.GET("/api/v1/notes/{note_id}", { params: { path: { note_id: noteId } } }));
}

export function useUpdateNote(trajectoryId: string) {
  const refresh = useRefreshCaseFile();
  return useMutation({
    meta: OWN_ERRORS,
    mutationFn: ({ id, version, body }: { id: string; version: number; body: NoteUpdate }) =>
      unwrap(api.PATCH("/api/v1/notes/{note_id}", { params: { path: { note_id: id }, header: ifMatch(version) }, body })),
    onSuccess: () => refresh(trajectoryId),
  });
}
