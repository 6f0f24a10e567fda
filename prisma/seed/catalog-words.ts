// Word lists for generated catalogue titles and names. Invented on purpose: no real show, artist or
// person is named, so the demo never implies anything about one.

export const PODCAST_GENRES = [
  "true crime", "comedy", "news", "history", "science", "business", "sports", "society",
  "health", "technology", "arts", "kids & family", "education", "fiction",
] as const;

export const MUSIC_GENRES = [
  "pop", "rock", "hip-hop", "r&b", "electronic", "jazz", "classical", "indie", "latin", "country",
  "metal", "folk", "soul", "ambient", "k-pop", "afrobeats",
] as const;

export const ALL_GENRES: readonly string[] = [...PODCAST_GENRES, ...MUSIC_GENRES];

export const FIRST_NAMES = [
  "Amara", "Bea", "Caio", "Dana", "Elif", "Farid", "Greta", "Hiro", "Ines", "Jonas", "Kemi", "Lior",
  "Maya", "Nils", "Oona", "Pablo", "Quinn", "Rhea", "Sami", "Tove", "Umar", "Vida", "Wren", "Xena",
  "Yusuf", "Zoe", "Anouk", "Bram", "Chidi", "Dilan", "Esme", "Felix", "Gaia", "Hugo", "Ilse", "Jules",
];

export const LAST_NAMES = [
  "Achterberg", "Baptiste", "Carvalho", "Delacroix", "Eriksen", "Fontaine", "Gallo", "Haddad", "Iversen",
  "Jovanovic", "Kowalski", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrov", "Quintero", "Rossi",
  "Sandoval", "Takahashi", "Urquhart", "Varga", "Wójcik", "Yilmaz", "Zeller", "Abebe", "Brennan", "Castillo",
];

export const ADJECTIVES = [
  "Quiet", "Electric", "Golden", "Hidden", "Late", "Lucky", "Midnight", "Northern", "Paper", "Restless",
  "Silver", "Slow", "Strange", "Sunday", "Tiny", "Velvet", "Wild", "Young", "Curious", "Honest", "Radical",
  "Broken", "Bright", "Distant", "Open", "Second", "Simple", "Small", "Untold", "Weekly",
];

export const NOUNS = [
  "Atlas", "Bridge", "Cabinet", "Compass", "Country", "Desk", "Echo", "Engine", "Field", "Garden", "Harbor",
  "Hour", "Island", "Kitchen", "Lab", "Lantern", "Machine", "Map", "Mirror", "Orbit", "Planet", "Radio",
  "River", "Room", "Signal", "Story", "Table", "Theory", "Tide", "Window", "Weather", "Archive", "Forest",
];

export const TOPICS = [
  "the last lighthouse keeper", "why cities flood", "a heist that went wrong", "the economics of coffee",
  "sleep and memory", "the first space tourists", "a forgotten composer", "how markets panic",
  "the science of laughter", "a village that vanished", "building a better battery", "the rules of chess",
  "one year without phones", "the migration of eels", "a courtroom surprise", "the future of farming",
  "learning a language at 60", "the ghost ship", "inside a newsroom", "what dogs understand",
  "a cold case reopened", "the trouble with sugar", "microbes in the deep sea", "a marathon in the desert",
];

export const MOODS = ["Chill", "Focus", "Morning", "Late Night", "Feel-Good", "Rainy Day", "Workout", "Dinner", "Road Trip", "Deep"];

export const ACTIVITIES = ["Studying", "Running", "Cooking", "Commuting", "Sleeping", "Coding", "Reading", "Cleaning"];

export const PODCAST_PATTERNS = [
  (a: string, n: string) => `The ${a} ${n}`,
  (a: string, n: string) => `${n} & ${a}`,
  (a: string, n: string) => `${a} ${n} Hour`,
  (a: string, n: string) => `The ${n} Podcast`,
  (a: string, n: string) => `${a} ${n}s`,
  (a: string, n: string) => `Notes from the ${n}`,
];

export const ALBUM_PATTERNS = [
  (a: string, n: string) => `${a} ${n}`,
  (a: string, n: string) => `${n}s`,
  (a: string, n: string) => `${a} ${n} (Deluxe)`,
  (a: string, n: string) => `Songs for a ${a} ${n}`,
  (a: string, n: string) => `${n} ${n === "Hour" ? "Glass" : "Hour"}`,
];
