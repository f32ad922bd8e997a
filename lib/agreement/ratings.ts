/**
 * Reliability data: one row per unit (a sentence, a passage), one column per coder.
 * `null` means the coder gave no value for that unit — *missing*, not a value of its own.
 * In Juncture a coder who never coded a document is missing for all of its units; a coder
 * who coded the document but not this unit with code X gave the value 0 ("not X").
 */
export type Rating = string | number;
export type RatingRow = ReadonlyArray<Rating | null>;
export type RatingMatrix = ReadonlyArray<RatingRow>;

/** The non-missing values of one unit. */
export function presentValues(row: RatingRow): Rating[] {
  return row.filter((v): v is Rating => v !== null);
}

/** Column `coder` of the matrix (one coder's values across units). */
export function coderColumn(matrix: RatingMatrix, coder: number): (Rating | null)[] {
  return matrix.map((row) => row[coder] ?? null);
}

/** Checks that every row has one value (or null) per coder. */
export function assertRectangular(matrix: RatingMatrix, coders: number): void {
  matrix.forEach((row, i) => {
    if (row.length !== coders) {
      throw new RangeError(`unit ${i + 1} has ${row.length} ratings, expected one per coder (${coders})`);
    }
  });
}
