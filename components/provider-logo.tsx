import type { ProviderLogo as Logo } from "@/lib/providers/types";

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

function luminance(hex: string): number {
  const n = Number.parseInt(hex.replace("#", ""), 16);
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/** The brand colour darkened until white on it reads at 4.5:1 (WCAG AA), so monograms stay legible. */
export function readableBackground(hex: string): string {
  let [r, g, b] = [0, 8, 16].map((shift) => (Number.parseInt(hex.replace("#", ""), 16) >> (16 - shift)) & 255) as [number, number, number];
  for (let i = 0; i < 20; i++) {
    const color = `#${[r, g, b].map((c) => c.toString(16).padStart(2, "0")).join("")}`;
    if (1.05 / (luminance(color) + 0.05) >= 4.5) return color;
    [r, g, b] = [r, g, b].map((c) => Math.floor(c * 0.88)) as [number, number, number];
  }
  return "#1e293b";
}

/** A provider's mark (its logo where the definition has one, else its initial) in its brand colour. Decorative. */
export function ProviderLogo({ name, brandColor, logo, size = "md" }: { name: string; brandColor: string; logo: Logo | null | undefined; size?: "xs" | "sm" | "md" }) {
  const box = size === "xs" ? "h-5 w-5 text-[10px]" : size === "sm" ? "h-7 w-7 text-xs" : "h-10 w-10 text-lg";
  const background = readableBackground(brandColor);
  return (
    <span aria-hidden="true" className={`flex ${box} shrink-0 items-center justify-center rounded-full font-bold text-white`} style={{ backgroundColor: background }}>
      {logo ? (
        <svg viewBox="0 0 24 24" className="h-3/5 w-3/5" fill="currentColor" focusable="false">
          <path d={logo.svgPath} />
        </svg>
      ) : (
        name.charAt(0)
      )}
    </span>
  );
}
