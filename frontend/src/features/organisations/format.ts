/** KBO/BCE enterprise numbers are 10 digits, written 0123.456.789. Anything else is shown as given. */
export function formatKboNumber(value: string | null | undefined): string {
  if (!value) return "";
  const digits = value.replace(/[\s.]/g, "");
  if (!/^\d{9,10}$/.test(digits)) return value;
  const ten = digits.padStart(10, "0");
  return `${ten.slice(0, 4)}.${ten.slice(4, 7)}.${ten.slice(7)}`;
}
