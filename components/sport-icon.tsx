import {
  Accessibility,
  Activity,
  Bike,
  Car,
  Dumbbell,
  Fish,
  Flower2,
  Footprints,
  HeartPulse,
  Medal,
  Mountain,
  MountainSnow,
  Music,
  PersonStanding,
  Sailboat,
  Ship,
  Snowflake,
  Sword,
  Target,
  Trophy,
  Waves,
  Wind,
  Zap,
  type LucideIcon,
} from "lucide-react";
import { sportColor, sportLabels } from "@/lib/format";

/** One icon per sport of the shared vocabulary (unknown ones get a pulse line). */
const icons: Record<string, LucideIcon> = {
  run: Footprints,
  ride: Bike,
  swim: Waves,
  walk: PersonStanding,
  hike: Mountain,
  row: Ship,
  paddle: Sailboat,
  ski: MountainSnow,
  nordic_ski: Snowflake,
  snowboard: MountainSnow,
  skate: Zap,
  strength: Dumbbell,
  hiit: Zap,
  cardio: HeartPulse,
  yoga: Flower2,
  pilates: Flower2,
  climb: Mountain,
  team_sport: Trophy,
  racket: Trophy,
  golf: Target,
  martial_arts: Sword,
  dance: Music,
  water_sport: Waves,
  gymnastics: Medal,
  mobility: PersonStanding,
  wheelchair: Accessibility,
  motorsport: Car,
  equestrian: Trophy,
  target_sport: Target,
  air_sport: Wind,
  fishing_hunting: Fish,
  recovery: HeartPulse,
  lifestyle: PersonStanding,
  multisport: Medal,
};

/** The sport's icon in a tinted circle; decorative (the sport's name is always written beside it). */
export function SportIcon({ sport, size = "md" }: { sport: string; size?: "sm" | "md" }) {
  const Icon = icons[sport] ?? Activity;
  const box = size === "sm" ? "h-7 w-7" : "h-10 w-10";
  return (
    <span aria-hidden="true" className={`flex ${box} shrink-0 items-center justify-center rounded-full text-white`} style={{ backgroundColor: sportColor(sport) }} title={sportLabels[sport]}>
      <Icon className={size === "sm" ? "h-4 w-4" : "h-5 w-5"} strokeWidth={2.25} />
    </span>
  );
}
