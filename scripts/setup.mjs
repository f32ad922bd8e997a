// Prepares the embedded default: migrates the SQLite file under data/ and loads
// the demo project when it is not there yet.
import path from "node:path";
import { ROOT, run } from "./lib.mjs";

await run(process.execPath, [path.join(ROOT, "bin", "juncture.mjs"), "demo"]);
