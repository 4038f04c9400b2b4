// What the browsers offer that TypeScript's DOM library does not declare yet.

// IntersectionObserver v2 (Chromium): whether the target is plainly visible, not only inside the viewport.
interface IntersectionObserverInit {
  trackVisibility?: boolean;
  delay?: number;
}
interface IntersectionObserverEntry {
  readonly isVisible?: boolean;
}
