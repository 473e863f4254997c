import type { Metadata } from "next";
import { TrainingCharts } from "@/components/training/training-charts";
import { requirePageUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Training" };
export const dynamic = "force-dynamic";

export default async function TrainingPage() {
  await requirePageUser("/training");
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Totals and trends</h1>
      <TrainingCharts />
    </div>
  );
}
