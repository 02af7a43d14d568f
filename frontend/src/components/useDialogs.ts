import { useState } from "react";

/**
 * Which of a section's dialogs is open, and the message of the last one that finished
 * (shown in the section's status region, so screen readers hear it).
 */
export function useDialogs<D>() {
  const [open, setOpen] = useState<D | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  return {
    open,
    message,
    show: (dialog: D) => {
      setMessage(null);
      setOpen(dialog);
    },
    close: () => setOpen(null),
    finish: (text: string) => {
      setOpen(null);
      setMessage(text);
    },
  };
}
