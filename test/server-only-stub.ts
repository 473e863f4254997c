// Unit tests import server modules directly; the real `server-only` package would throw there.
export {};
