/**
 * Resolves after the next frame is painted (a timer where there are no frames: a hidden tab,
 * tests). Work that would freeze the page starts after it, so a "computing…" line shows first.
 */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame === 'function' && typeof document !== 'undefined' && document.visibilityState === 'visible') {
      requestAnimationFrame(() => setTimeout(resolve, 0));
    } else setTimeout(resolve, 0);
  });
}
