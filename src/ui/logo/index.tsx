/** Moodtab's logo (icons/icon.svg, the toolbar icon's source), decorative: the page names Moodtab in words. */
export function Logo({ size }: { size: number }) {
  return <img class="logo" src="icons/icon.svg" width={size} height={size} alt="" />;
}
