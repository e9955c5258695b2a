/** Escapes LIKE/ILIKE wildcards so user text matches literally (`50%_off` finds "50%_off"). */
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
