import type { Sport } from "@/lib/activity/sports";

/**
 * WHOOP sports: [sport_id, documented sport name, shared sport]. v2 workouts carry `sport_name`
 * (the name, e.g. "running"); the deprecated `sport_id` may still arrive on older records.
 */
const table: readonly (readonly [number, string, Sport])[] = [
  [-1, "Activity", "other"],
  [0, "Running", "run"],
  [1, "Cycling", "ride"],
  [16, "Baseball", "team_sport"],
  [17, "Basketball", "team_sport"],
  [18, "Rowing", "row"],
  [19, "Fencing", "martial_arts"],
  [20, "Field Hockey", "team_sport"],
  [21, "Football", "team_sport"],
  [22, "Golf", "golf"],
  [24, "Ice Hockey", "team_sport"],
  [25, "Lacrosse", "team_sport"],
  [27, "Rugby", "team_sport"],
  [28, "Sailing", "water_sport"],
  [29, "Skiing", "ski"],
  [30, "Soccer", "team_sport"],
  [31, "Softball", "team_sport"],
  [32, "Squash", "racket"],
  [33, "Swimming", "swim"],
  [34, "Tennis", "racket"],
  [35, "Track & Field", "run"], // throws and jumps as well as running; running is most of what is tracked
  [36, "Volleyball", "team_sport"],
  [37, "Water Polo", "team_sport"],
  [38, "Wrestling", "martial_arts"],
  [39, "Boxing", "martial_arts"],
  [42, "Dance", "dance"],
  [43, "Pilates", "pilates"],
  [44, "Yoga", "yoga"],
  [45, "Weightlifting", "strength"],
  [47, "Cross Country Skiing", "nordic_ski"],
  [48, "Functional Fitness", "hiit"],
  [49, "Duathlon", "multisport"],
  [51, "Gymnastics", "gymnastics"],
  [52, "Hiking/Rucking", "hike"],
  [53, "Horseback Riding", "equestrian"],
  [55, "Kayaking", "paddle"],
  [56, "Martial Arts", "martial_arts"],
  [57, "Mountain Biking", "ride"],
  [59, "Powerlifting", "strength"],
  [60, "Rock Climbing", "climb"],
  [61, "Paddleboarding", "paddle"],
  [62, "Triathlon", "multisport"],
  [63, "Walking", "walk"],
  [64, "Surfing", "water_sport"],
  [65, "Elliptical", "cardio"],
  [66, "Stairmaster", "cardio"],
  [70, "Meditation", "recovery"],
  [71, "Other", "other"],
  [73, "Diving", "water_sport"],
  // Operations: on-duty work (tactical, medical, flight crew, maritime) tracked for strain, not a sport.
  [74, "Operations - Tactical", "lifestyle"],
  [75, "Operations - Medical", "lifestyle"],
  [76, "Operations - Flying", "lifestyle"],
  [77, "Operations - Water", "lifestyle"],
  [82, "Ultimate", "team_sport"],
  [83, "Climber", "cardio"],
  [84, "Jumping Rope", "cardio"],
  [85, "Australian Football", "team_sport"],
  [86, "Skateboarding", "skate"],
  [87, "Coaching", "lifestyle"], // on-the-job activity, not the athlete's own training
  [88, "Ice Bath", "recovery"],
  [89, "Commuting", "lifestyle"], // the mode (walk, bike, car) is not given, so no sport can be assumed
  [90, "Gaming", "lifestyle"],
  [91, "Snowboarding", "snowboard"],
  [92, "Motocross", "motorsport"],
  [93, "Caddying", "walk"], // walking the course carrying a bag
  [94, "Obstacle Course Racing", "run"], // a running race with obstacles
  [95, "Motor Racing", "motorsport"],
  [96, "HIIT", "hiit"],
  [97, "Spin", "ride"],
  [98, "Jiu Jitsu", "martial_arts"],
  [99, "Manual Labor", "lifestyle"],
  [100, "Cricket", "team_sport"],
  [101, "Pickleball", "racket"],
  [102, "Inline Skating", "skate"],
  [103, "Box Fitness", "hiit"], // boxing-style fitness class
  [104, "Spikeball", "team_sport"],
  [105, "Wheelchair Pushing", "wheelchair"],
  [106, "Paddle Tennis", "racket"],
  [107, "Barre", "pilates"],
  [108, "Stage Performance", "dance"], // performance movement on stage
  [109, "High Stress Work", "lifestyle"],
  [110, "Parkour", "cardio"], // running, jumping and climbing over obstacles
  [111, "Gaelic Football", "team_sport"],
  [112, "Hurling/Camogie", "team_sport"],
  [113, "Circus Arts", "gymnastics"], // acrobatics and aerial work
  [121, "Massage Therapy", "recovery"],
  [123, "Strength Trainer", "strength"],
  [125, "Watching Sports", "lifestyle"], // a spectator, not taking part
  [126, "Assault Bike", "ride"], // air bike
  [127, "Kickboxing", "martial_arts"],
  [128, "Stretching", "mobility"],
  [230, "Table Tennis", "racket"],
  [231, "Badminton", "racket"],
  [232, "Netball", "team_sport"],
  [233, "Sauna", "recovery"],
  [234, "Disc Golf", "golf"], // walking a course throwing discs, scored like golf
  [235, "Yard Work", "lifestyle"],
  [236, "Air Compression", "recovery"], // compression boots, a recovery treatment
  [237, "Percussive Massage", "recovery"],
  [238, "Paintball", "team_sport"],
  [239, "Ice Skating", "skate"],
  [240, "Handball", "team_sport"],
  [248, "F45 Training", "hiit"],
  [249, "Padel", "racket"],
  [250, "Barry's", "hiit"], // studio interval class (treadmill and floor)
  [251, "Dedicated Parenting", "lifestyle"],
  [252, "Stroller Walking", "walk"],
  [253, "Stroller Jogging", "run"],
  [254, "Toddlerwearing", "walk"], // walking while carrying a child
  [255, "Babywearing", "walk"], // walking while carrying a child
  [258, "Barre3", "pilates"],
  [259, "Hot Yoga", "yoga"],
  [261, "Stadium Steps", "cardio"], // stair climbing
  [262, "Polo", "team_sport"],
  [263, "Musical Performance", "lifestyle"],
  [264, "Kite Boarding", "water_sport"],
  [266, "Dog Walking", "walk"],
  [267, "Water Skiing", "water_sport"],
  [268, "Wakeboarding", "water_sport"],
  [269, "Cooking", "lifestyle"],
  [270, "Cleaning", "lifestyle"],
  [272, "Public Speaking", "lifestyle"],
];

/**
 * WHOOP sport → shared sport, keyed both ways the API identifies a sport: `sport_id` as a decimal
 * string ("-1", "0", …) and `sport_name` in lower case ("running", "hiking/rucking", …).
 */
export const whoopSports: Readonly<Record<string, Sport>> = Object.fromEntries(
  table.flatMap(([id, name, sport]) => [
    [String(id), sport],
    [name.toLowerCase(), sport],
  ]),
);

/**
 * The docs give display names ("Hiking/Rucking", "Track & Field", "Barry's") while the API's
 * `sport_name` is lower case and integrations report slugs ("hiking-rucking"); how "&", "/" and "'"
 * are written is not documented, so names are compared on their letters and digits alone.
 */
export function whoopNameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/['’®]/g, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== "" && word !== "and")
    .join("");
}

const byNameKey = new Map(table.map(([, name, sport]) => [whoopNameKey(name), sport]));

/** A `sport_id` (number or decimal string) or a `sport_name` in any of its spellings. Unknown → "other". */
export function whoopSport(code: string | number | null | undefined): Sport {
  if (code === null || code === undefined) return "other";
  const key = String(code).trim();
  if (/^-?\d+$/.test(key)) {
    const id = String(Number(key));
    return Object.hasOwn(whoopSports, id) ? (whoopSports[id] as Sport) : "other";
  }
  return byNameKey.get(whoopNameKey(key)) ?? "other";
}
