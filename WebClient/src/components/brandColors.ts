/** A partner colour as the Api stores it: #rrggbb. */
const hexColor = /^#[0-9a-f]{6}$/i;

/** WCAG 2 relative luminance of an sRGB colour. */
function luminance(hex: string): number {
  const channel = (offset: number) => {
    const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG 2 contrast ratio of two #rrggbb colours, 1 to 21. */
export function contrastRatio(first: string, second: string): number {
  const [light, dark] = [luminance(first), luminance(second)].sort((a, b) => b - a) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/**
 * Black or white, whichever reads better on the partner's colour. For every colour one of the two
 * reaches at least 4.58:1, so text on the banner always meets WCAG AA (4.5:1).
 */
export function textColorOn(background: string): '#000000' | '#ffffff' {
  return contrastRatio(background, '#000000') >= contrastRatio(background, '#ffffff') ? '#000000' : '#ffffff';
}

/** The banner's colours for a partner colour, or nothing (the portal's own) when there is none or it is malformed. */
export function bannerStyle(color: string | null): { background: string; color: string } | undefined {
  if (color === null || !hexColor.test(color)) return undefined;
  return { background: color, color: textColorOn(color) };
}
