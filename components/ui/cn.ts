// Joins class names, skipping empty ones, so components can accept a `className` override.
export function cn(...classes: Array<string | false | null | undefined>): string {
  return classes.filter(Boolean).join(" ");
}
