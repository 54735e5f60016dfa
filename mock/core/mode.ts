/** `realistic` (the default): the reference provider answers, a library per bearer token. `static`: the description's examples. */
export type MockMode = "realistic" | "static";
