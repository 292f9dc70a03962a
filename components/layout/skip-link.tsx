// The first thing a keyboard reaches on every page with a header: a link past the header to the
// page's <main id="main">, hidden until focused (WCAG 2.4.1, decision 015).
export function SkipLink() {
  return (
    <a
      href="#main"
      className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-30 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:text-stone-900 focus:shadow"
    >
      Skip to content
    </a>
  );
}
