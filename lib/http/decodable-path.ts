/**
 * Next answers 500 when a dynamic segment is not valid percent-encoding (`/api/providers/%ff`).
 * Such a segment is read literally instead — its stray `%` escaped — so the route sees an id it
 * does not know and answers as it would for any other unknown id.
 */
export function decodablePath(pathname: string): string {
  return pathname
    .split("/")
    .map((segment) => {
      try {
        decodeURIComponent(segment);
        return segment;
      } catch {
        return segment.replace(/%/g, "%25");
      }
    })
    .join("/");
}
