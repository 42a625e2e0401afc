// A1 notation's column letters, for the add-on's writers, the emulator and the
// playground alike (pure: no Apps Script, no DOM).

/** "A", "Z", "AA" for columns 1, 26, 27. */
export function columnLetter(column: number): string {
  let letters = '';
  let n = column;
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** 1, 26, 27 for "A", "Z", "AA" (either case). */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}
