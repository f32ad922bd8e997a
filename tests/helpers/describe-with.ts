import { describe, it } from "vitest";
import { absence, requireFixtures, type External } from "./external";

/**
 * `describe` for tests that need an external fixture: the real suite when it is there; when it
 * is not, one failing test under `npm test`, or the suite skipped under a "SKIPPED: …" name.
 */
export function describeWith(external: External, name: string, body: () => void): void {
  if (external.available) {
    describe(name, body);
  } else if (requireFixtures()) {
    describe(name, () => {
      it(`needs the ${external.name}`, () => {
        throw new Error(`${absence(external)}; npm test requires it (JUNCTURE_REQUIRE_FIXTURES=1)`);
      });
    });
  } else {
    describe.skip(`SKIPPED: ${absence(external)} — ${name}`, body);
  }
}
