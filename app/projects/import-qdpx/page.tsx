import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ImportQdpx } from "@/components/exchange/ImportQdpx";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("exchange.import"))("title") };
}

/** Import of a REFI-QDA project (.qdpx) into a new project; the route checks who is signed in. */
export default function ImportQdpxPage() {
  return <ImportQdpx />;
}
