// Small words and escapes shared by every report, the pages and the browser bundle.

/** `plural(1, 'error')` is `1 error`, `plural(2, 'error')` is `2 errors`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Escapes text for XML and HTML content and attribute values alike, as numeric character references. */
export function escapeMarkup(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
