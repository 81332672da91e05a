"use client";
/**
 * Volumes received and concluded, and the on-time rate, over the range: decoration for sighted readers (aria-hidden);
 * the table after it holds the same figures for everyone, so the chart is also kept out of the focus order (inert,
 * no keyboard layer). Drawn after hydration only: recharts measures the
 * browser, and styles set from script pass the page's Content-Security-Policy where server-rendered style
 * attributes would not.
 */
import { useEffect, useState } from "react";
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type TChartPoint = { label: string; received: number; concluded: number; onTimePercent: number | null };

export function VolumeChart({ points, labels }: { points: TChartPoint[]; labels: { received: string; concluded: string; onTime: string } }) {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  return (
    <div aria-hidden="true" inert className="mb-4 h-72 w-full">
      {mounted ? (
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={points} margin={{ top: 8, right: 8, bottom: 8, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid stroke="#b1b4b6" strokeDasharray="3 3" />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} />
            <YAxis yAxisId="count" allowDecimals={false} tick={{ fontSize: 12 }} width={40} />
            <YAxis yAxisId="share" orientation="right" domain={[0, 100]} unit="%" tick={{ fontSize: 12 }} width={48} />
            <Tooltip />
            <Legend />
            <Bar yAxisId="count" dataKey="received" name={labels.received} fill="#1d70b8" isAnimationActive={false} />
            <Bar yAxisId="count" dataKey="concluded" name={labels.concluded} fill="#00703c" isAnimationActive={false} />
            <Line yAxisId="share" dataKey="onTimePercent" name={labels.onTime} stroke="#d4351c" strokeWidth={3} connectNulls isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      ) : null}
    </div>
  );
}
